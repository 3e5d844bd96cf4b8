package io.paperjam.server.core;

import io.paperjam.spool.JobRecord;
import io.paperjam.spool.Spool;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The document of the job on the device, read as the device "renders" it: page by page, each
 * page its share of the bytes, so a missing or unreadable file aborts the job before the page
 * that needs it uses any paper. Also counts pages when nobody did while the job streamed in.
 */
final class DocumentPages implements Closeable {

    private static final int READ_BYTES = 64 * 1024;

    private final FileChannel channel;
    private final JobRecord record;
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_BYTES);

    private DocumentPages(FileChannel channel, JobRecord record) {
        this.channel = channel;
        this.record = record;
    }

    /** @throws IOException when the document is gone or cannot be opened */
    static DocumentPages open(Spool spool, JobRecord record) throws IOException {
        if (!record.documentPresent()) {
            throw new IOException("the document of job " + record.id() + " was pruned");
        }
        return new DocumentPages(spool.openDocument(record.id()), record);
    }

    /** Streams the whole document through an analyzer; the page count it finds. */
    int countPages() throws IOException {
        DocumentAnalyzer analyzer = DocumentAnalyzer.of(record.header().format(), record.header().name());
        read(0, record.size(), analyzer);
        return analyzer.pages();
    }

    /** Reads page {@code page}'s share of the bytes. */
    void render(int page, int pages) throws IOException {
        long from = record.size() * (page - 1) / pages;
        long to = record.size() * page / pages;
        read(from, to, null);
    }

    private void read(long from, long to, DocumentAnalyzer analyzer) throws IOException {
        long position = from;
        while (position < to) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), to - position));
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new EOFException("the document of job " + record.id() + " ends at byte " + position
                        + " but the spool recorded " + record.size());
            }
            if (analyzer != null) {
                buffer.flip();
                analyzer.update(buffer);
            }
            position += n;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
