package io.paperjam.server.door;

import io.paperjam.protocol.JobInfo;
import io.paperjam.server.core.Printer;
import io.paperjam.server.core.DocumentAnalyzer;
import io.paperjam.server.device.DocumentFormat;
import io.paperjam.spool.JobHeader;
import io.paperjam.spool.JobRecord;
import io.paperjam.spool.JobUpload;
import io.paperjam.spool.Spool;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@link DocumentSink} that becomes a new spool job. The upload begins only once the first
 * {@link DocumentFormat#SNIFF_BYTES} bytes (or the whole, shorter document) have been seen, so the header can
 * carry the format sniffed from them; {@link #commit()} makes the job durable and hands it to the
 * printer. Used by every door that takes documents. Runs on the disk executor only.
 */
public final class SpoolSink implements DocumentSink {

    private static final int COPY_CHUNK_BYTES = 64 * 1024;

    private final Spool spool;
    private final Printer printer;
    private final JobHeader header;
    private final DocumentAnalyzer analyzer;
    private ByteBuffer prefix = ByteBuffer.allocate(DocumentFormat.SNIFF_BYTES);
    private JobUpload upload;

    /** A sink for a job described by {@code header}; its format, if null, is sniffed from the bytes. */
    public SpoolSink(Spool spool, Printer printer, JobHeader header) {
        this.spool = spool;
        this.printer = printer;
        this.header = header;
        this.analyzer = printer.analyzer(header.format(), header.name());
    }

    /**
     * A sink for a job whose upload already began (IPP's Create-Job, then Send-Document): the bytes
     * go straight into it, its header stays as it was begun.
     */
    public SpoolSink(Printer printer, JobUpload begun, String declaredFormat, String documentName) {
        this.spool = null;
        this.printer = printer;
        this.header = begun.header();
        this.analyzer = printer.analyzer(declaredFormat != null ? declaredFormat : header.format(), documentName);
        this.upload = begun;
        this.prefix = null;
    }

    @Override
    public void write(ByteBuffer src) throws IOException {
        analyzer.update(src);
        if (upload == null) {
            if (src.remaining() <= prefix.remaining()) {
                prefix.put(src);
                return;
            }
            begin();
        }
        upload.write(src);
    }

    /** Writes a whole file (a document held while its LPD control file was still to come). */
    public void writeFrom(Path file) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(COPY_CHUNK_BYTES);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (in.read(chunk) >= 0) {
                chunk.flip();
                write(chunk);
                chunk.clear();
            }
        }
    }

    /**
     * Makes the job durable in the spool and tells the printer; from here on the job is acknowledged.
     *
     * @throws IOException when the document is empty, too large for the spool, or the disk failed;
     *     nothing is queued then
     */
    public JobInfo commit() throws IOException {
        if (upload == null) {   // the whole document fitted in the sniffing prefix
            if (prefix.position() == 0) {
                throw new IOException("the document is empty");
            }
            begin();
        }
        Integer pages = analyzer.pages();
        if (header.pages() == null && pages != null) {
            upload.pages(pages);
        }
        JobRecord record = upload.commit();
        return printer.accepted(record);
    }

    @Override
    public void abort() {
        prefix = null;
        if (upload != null) {
            upload.abort();
        }
    }

    /** Bytes seen so far. */
    public long size() {
        return analyzer.size();
    }

    private void begin() throws IOException {
        String format = header.format() != null ? header.format() : analyzer.format();
        upload = spool.begin(header.withFormat(format));
        prefix.flip();
        upload.write(prefix);
        prefix = null;
    }
}
