package io.paperjam.server.ipp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.paperjam.protocol.JobInfo;
import io.paperjam.server.core.DocumentAnalyzer;
import io.paperjam.server.core.Printer;
import io.paperjam.spool.JobRecord;
import io.paperjam.spool.JobUpload;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one IPP document into a spool upload on the disk executor, so the event loop never waits
 * on the disk and no document is held whole in memory: reading pauses (AUTO_READ off) while
 * {@link #PAUSE_READING_BYTES} or more wait for the disk and resumes once it caught up. At the end
 * it commits (durable), hands the job to the printer, and completes {@link #result()} on the event
 * loop. Every method runs on the channel's event loop; only one disk task is in flight at a time,
 * so the upload (not thread-safe) sees one writer.
 */
final class DocumentStream {

    /** Document bytes one connection may hold in memory before reading pauses. */
    static final int PAUSE_READING_BYTES = 1 << 20;

    /** Opens the upload the document goes into, once its first bytes are known. Runs on the disk executor. */
    @FunctionalInterface
    interface Opener {
        JobUpload open(DocumentAnalyzer analyzer) throws IOException;
    }

    /** The document went over the size limit. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("the document is larger than the limit of " + limit + " bytes");
        }
    }

    /** The client went away before the document ended. */
    static final class AbandonedException extends IOException {
        private static final long serialVersionUID = 1L;

        AbandonedException(String why) {
            super(why);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DocumentStream.class);

    private final Channel channel;
    private final Executor disk;
    private final Printer printer;
    private final Opener opener;
    private final DocumentAnalyzer analyzer;
    private final long maxBytes;
    private final ArrayDeque<ByteBuf> pending = new ArrayDeque<>();
    private final CompletableFuture<JobInfo> result = new CompletableFuture<>();
    private long pendingBytes;
    private long received;
    private boolean diskBusy;
    private boolean ended;
    private boolean failed;
    private boolean abortSubmitted;
    private IOException failure;
    /** Touched only on the disk executor, one task at a time. */
    private JobUpload upload;

    DocumentStream(Channel channel, Executor disk, Printer printer, Opener opener, DocumentAnalyzer analyzer,
                   long maxBytes) {
        this.channel = channel;
        this.disk = disk;
        this.printer = printer;
        this.opener = opener;
        this.analyzer = analyzer;
        this.maxBytes = maxBytes;
    }

    /** Completes on the event loop with the queued job, or fails with why the document was lost. */
    CompletableFuture<JobInfo> result() {
        return result;
    }

    /** Takes ownership of {@code buf} (releases it). */
    void offer(ByteBuf buf) {
        int n = buf.readableBytes();
        if (ended || n == 0) {
            buf.release();
            return;
        }
        received += n;
        if (received > maxBytes) {
            buf.release();
            fail(new TooLargeException(maxBytes));
            return;
        }
        pending.add(buf);
        pendingBytes += n;
        if (pendingBytes >= PAUSE_READING_BYTES) {
            channel.config().setAutoRead(false);
        }
        pump();
    }

    /** The request body ended: once the disk has everything, commit. */
    void finish() {
        if (!ended) {
            ended = true;
            pump();
        }
    }

    /** The connection broke: throw the document away. */
    void abort(String why) {
        fail(new AbandonedException(why));
    }

    private void fail(IOException why) {
        if (failed) {
            return;
        }
        failed = true;
        ended = true;
        failure = why;
        pending.forEach(ByteBuf::release);
        pending.clear();
        pendingBytes = 0;
        // the result fails only once the upload is gone, so a refusal never races the cleanup
        if (!diskBusy) {
            scheduleAbort();
        }
    }

    private void scheduleAbort() {
        if (!abortSubmitted) {
            abortSubmitted = true;
            submit(this::abortUpload, false);
        } else if (!diskBusy) {
            result.completeExceptionally(failure);
        }
    }

    private void pump() {
        if (diskBusy || failed) {
            return;
        }
        if (!pending.isEmpty()) {
            List<ByteBuf> batch = new ArrayList<>(pending);
            pending.clear();
            pendingBytes = 0;
            submit(() -> {
                write(batch);
                return null;
            }, false);
        } else if (ended) {
            submit(this::commit, true);
        } else {
            channel.config().setAutoRead(true);
        }
    }

    private void write(List<ByteBuf> batch) throws IOException {
        try {
            for (ByteBuf buf : batch) {
                for (ByteBuffer nio : buf.nioBuffers()) {
                    analyzer.update(nio);
                    if (upload == null) {
                        upload = opener.open(analyzer);
                    }
                    upload.write(nio);
                }
            }
        } finally {
            batch.forEach(ByteBuf::release);
        }
    }

    private JobInfo commit() throws IOException {
        if (upload == null) {
            upload = opener.open(analyzer);
        }
        upload.pages(analyzer.pages());
        JobRecord record = upload.commit();
        return printer.accepted(record);
    }

    private Object abortUpload() {
        if (upload != null) {
            upload.abort();
        }
        return null;
    }

    /** A step on the disk executor. */
    @FunctionalInterface
    private interface DiskStep {
        Object run() throws IOException;
    }

    private void submit(DiskStep step, boolean last) {
        diskBusy = true;
        try {
            disk.execute(() -> {
                Object value = null;
                Exception error = null;
                try {
                    value = step.run();
                } catch (IOException | RuntimeException e) {
                    error = e;
                    abortQuietly();
                }
                Object done = value;
                Exception failure = error;
                channel.eventLoop().execute(() -> afterDisk(done, failure, last));
            });
        } catch (RejectedExecutionException e) {
            diskBusy = false;
            abortSubmitted = true;
            LOG.warn("disk executor refused work for {}: the server is shutting down", channel);
            abortQuietly();
            fail(new IOException("the server is shutting down"));
            result.completeExceptionally(failure);
        }
    }

    private void abortQuietly() {
        if (upload != null) {
            upload.abort();
        }
    }

    private void afterDisk(Object value, Exception error, boolean last) {
        diskBusy = false;
        if (error != null && !failed) {
            fail(error instanceof IOException io ? io : new IOException(error.getMessage(), error));
            return;
        }
        if (failed) {
            scheduleAbort();
            return;
        }
        if (last) {
            result.complete((JobInfo) value);
            return;
        }
        pump();
    }
}
