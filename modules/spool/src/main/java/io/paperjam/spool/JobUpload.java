package io.paperjam.spool;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One document being streamed into the spool's tmp/ folder: after {@link #commit()} returns the job is
 * durable and may be acknowledged; after any failure, {@link #abort()} or {@link #close()} nothing of it is
 * left on disk or counted against the quota.
 *
 * <p>A digest known only after the body (a checksum trailer) is passed to {@link #commit(String)}.
 *
 * <p>Not thread-safe: one writer. The bytes reach the file in 1 MiB writes and are hashed on a second core
 * ({@link DocumentWriter}); at most a few MiB per upload are held in memory. A job that declared a size up to
 * {@link SpoolSettings#journalMaxBytes()} is held in memory instead ({@link DocumentBuffer}) and committed
 * through the {@link Journal}. {@link #asOutputStream()} copies
 * on every call, so wrap it in a {@code BufferedOutputStream} for byte-at-a-time writers.
 */
public final class JobUpload implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(JobUpload.class);

    private enum Phase { OPEN, COMMITTED, ABORTED }

    private final Spool spool;
    private final long id;
    private final JobHeader header;
    private final Instant arrived;
    private final Path tmpData;
    private final FileChannel channel;
    private final DocumentSink document;
    private long written;
    private long reservedBytes;
    private Integer learnedPages;
    private String learnedFormat;
    private Phase phase = Phase.OPEN;

    JobUpload(Spool spool, long id, JobHeader header, Instant arrived, Path tmpData, FileChannel channel,
              long reservedBytes) {
        this.spool = spool;
        this.id = id;
        this.header = header;
        this.arrived = arrived;
        this.tmpData = tmpData;
        this.channel = channel;
        this.reservedBytes = reservedBytes;
        this.document = channel == null ? new DocumentBuffer(Math.toIntExact(header.declaredSize()))
                : new DocumentWriter(spool.disk().files, channel);
    }

    /** The id this job will have once committed (ids of aborted uploads are never reused either). */
    public long id() {
        return id;
    }

    public JobHeader header() {
        return header;
    }

    /** Writes all of {@code src}; on any failure the upload is aborted and the exception rethrown. */
    public void write(ByteBuffer src) throws IOException {
        ensureOpen();
        int n = src.remaining();
        if (n == 0) {
            return;
        }
        try {
            if (header.declaredSize() >= 0) {
                if (written + n > header.declaredSize()) {
                    throw new SizeMismatchException("job " + id + ": more than the declared " + header.declaredSize()
                            + " bytes were sent");
                }
            } else {
                spool.quota().reserve(n, 0); // unknown size: the quota is taken as the bytes arrive
                reservedBytes += n;
            }
            document.write(src);
            written += n;
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** An OutputStream view of {@link #write(ByteBuffer)}; closing it does not commit. */
    public OutputStream asOutputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                JobUpload.this.write(ByteBuffer.wrap(new byte[] {(byte) b}));
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                JobUpload.this.write(ByteBuffer.wrap(b, off, len));
            }
        };
    }

    public long bytesWritten() {
        return written;
    }

    /** Records a page count learned while streaming; used when the header did not declare one. */
    public void pages(int pages) {
        if (pages < 0) {
            throw new IllegalArgumentException("pages must not be negative: " + pages);
        }
        this.learnedPages = pages;
    }

    /** Records a format learned from the bytes (e.g. a sniffed MIME type); used when the header did not declare one. */
    public void format(String format) {
        this.learnedFormat = Objects.requireNonNull(format, "format");
    }

    /**
     * Makes the job durable in queue/ and returns its record. Throws {@link SizeMismatchException} or
     * {@link ChecksumMismatchException} if the bytes differ from what the header declared; on any failure
     * nothing is kept.
     */
    public JobRecord commit() throws IOException {
        return commit(null);
    }

    /**
     * Like {@link #commit()}, and the document must also have the SHA-256 {@code expectedSha256}: a digest
     * that became known only after the body, such as a protocol's checksum trailer. It is checked like a
     * declared one (case-insensitive hex) and kept in the job's header as its declared checksum.
     *
     * @param expectedSha256 64 hex digits, or null for no check beyond the header's
     */
    public JobRecord commit(String expectedSha256) throws IOException {
        ensureOpen();
        try {
            JobHeader declared = expectedSha256 == null ? header : header.withDeclaredSha256(expectedSha256);
            if (header.declaredSize() >= 0 && written != header.declaredSize()) {
                throw new SizeMismatchException("job " + id + ": " + written + " bytes were sent but "
                        + header.declaredSize() + " were declared");
            }
            String sha256 = document.finish();
            checkSha256(header.declaredSha256(), sha256, "was declared");
            if (expectedSha256 != null) {
                checkSha256(declared.declaredSha256(), sha256, "was expected");
            }
            JobHeader stored = declared.pages() == null && learnedPages != null
                    ? declared.withPages(learnedPages) : declared;
            if (stored.format() == null && learnedFormat != null) {
                stored = stored.withFormat(learnedFormat);
            }
            JobRecord job = new JobRecord(id, stored, JobState.QUEUED, written, sha256, 0, null, null, arrived,
                    spool.now(), true);
            if (document instanceof DocumentBuffer memory) {
                spool.commitJournaled(job, memory.bytes());
            } else {
                spool.commitUpload(job, tmpData, channel);
            }
            phase = Phase.COMMITTED;
            return job;
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    private void checkSha256(String wanted, String actual, String how) throws ChecksumMismatchException {
        if (wanted != null && !wanted.equals(actual)) {
            throw new ChecksumMismatchException("job " + id + ": the document's SHA-256 is " + actual
                    + " but " + wanted + " " + how);
        }
    }

    /** Deletes the partial upload and releases its quota; never throws. */
    public void abort() {
        if (phase != Phase.OPEN) {
            return;
        }
        phase = Phase.ABORTED;
        document.release();
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("job {}: closing the upload channel failed: {}", id, e.toString());
            }
            spool.disk().deleteQuietly(tmpData);
        }
        spool.quota().release(reservedBytes, 1);
    }

    /** Aborts unless committed. */
    @Override
    public void close() {
        abort();
    }

    private void ensureOpen() throws SpoolException {
        if (phase != Phase.OPEN) {
            throw new IllegalJobStateException("upload of job " + id + " is already " + phase.name().toLowerCase());
        }
    }
}
