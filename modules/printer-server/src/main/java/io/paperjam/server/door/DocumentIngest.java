package io.paperjam.server.door;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
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
 * Streams one document from a channel into a {@link DocumentSink} on the disk executor, so the event
 * loop never blocks on the disk and the document is never held whole in memory: reading pauses
 * (AUTO_READ off) while more than {@link DoorLimits#uploadBufferBytes()} wait for the disk, and
 * resumes when the disk caught up. One disk step runs at a time, so the sink sees one writer. Every
 * door that takes documents (raw, LPD, IPP) streams through this class. Every method but the
 * constructor runs on the channel's event loop.
 *
 * <p>Life: {@link #write} any number of times, then either {@link #finish} (runs a commit step on
 * the disk executor after the last write and completes its future on the event loop) or
 * {@link #abort} (the sink throws its bytes away). Going past {@link DoorLimits#maxDocumentBytes()}
 * aborts by itself. A failed result ({@link DocumentTooLargeException},
 * {@link DocumentAbandonedException}, or the sink's or commit's own error) is reported only once the
 * sink has thrown the document away, so a refusal never races the clean-up.
 *
 * @param <R> what the commit step returns (a queued job, a holding file)
 */
public final class DocumentIngest<R> {

    /** The step that makes the written document count: a spool commit, say. Runs on the disk executor. */
    @FunctionalInterface
    public interface Commit<R> {
        R run() throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(DocumentIngest.class);

    private enum Phase { STREAMING, ENDING, COMMITTING, DONE, ABORTED }

    private enum Step { WRITE, COMMIT, ABORT }

    private final Channel channel;
    private final Executor disk;
    private final DoorLimits limits;
    private final DocumentSink sink;
    private final ArrayDeque<ByteBuf> pending = new ArrayDeque<>();
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private Phase phase = Phase.STREAMING;
    /** Bytes received and not yet written by the disk (queued or in flight): what this upload holds in memory. */
    private long heldBytes;
    private long received;
    private boolean diskBusy;
    private boolean sinkAborted;
    private IOException failure;
    private Commit<R> commit;

    public DocumentIngest(Channel channel, Executor disk, DoorLimits limits, DocumentSink sink) {
        this.channel = channel;
        this.disk = disk;
        this.limits = limits;
        this.sink = sink;
    }

    /** Bytes received so far. */
    public long received() {
        return received;
    }

    /** Completes (on the event loop) with the commit step's result, or fails with why the document was lost. */
    public CompletableFuture<R> result() {
        return result;
    }

    /** Queues {@code buf} for the disk and takes ownership of it (releases it). */
    public void write(ByteBuf buf) {
        if (phase != Phase.STREAMING) {
            buf.release();
            return;
        }
        int n = buf.readableBytes();
        received += n;
        if (received > limits.maxDocumentBytes()) {
            buf.release();
            fail(new DocumentTooLargeException(limits.maxDocumentBytes()));
            return;
        }
        if (n == 0) {
            buf.release();
            return;
        }
        pending.add(buf);
        heldBytes += n;
        if (heldBytes >= limits.uploadBufferBytes()) {
            channel.config().setAutoRead(false);
        }
        pump();
    }

    /** No more bytes: once the disk wrote them all, runs {@code step} there and completes the result with it. */
    public CompletableFuture<R> finish(Commit<R> step) {
        if (phase == Phase.STREAMING) {
            phase = Phase.ENDING;
            commit = step;
            pump();
        }
        return result;
    }

    /**
     * Throws the document away (the connection broke, the client aborted) and fails the result with a
     * {@link DocumentAbandonedException}. Too late once the commit step runs: that job is then kept
     * (delivery is at least once).
     */
    public void abort(String why) {
        if (phase == Phase.COMMITTING) {
            LOG.debug("{}: not aborting ({}): the commit is already running", channel, why);
            return;
        }
        fail(new DocumentAbandonedException(why));
    }

    private void fail(IOException why) {
        if (phase == Phase.DONE || phase == Phase.ABORTED) {
            return;
        }
        phase = Phase.ABORTED;
        failure = why;
        pending.forEach(ByteBuf::release);
        pending.clear();
        pump();
    }

    private void pump() {
        if (diskBusy) {
            return;
        }
        switch (phase) {
            case ABORTED -> {
                if (!sinkAborted) {
                    sinkAborted = true;
                    submit(Step.ABORT, List.of(), () -> {
                        sink.abort();
                        return null;
                    });
                }
            }
            case STREAMING, ENDING -> {
                if (!pending.isEmpty()) {
                    List<ByteBuf> batch = new ArrayList<>(pending);
                    pending.clear();
                    submit(Step.WRITE, batch, () -> {
                        writeAll(batch);
                        return null;
                    });
                } else if (phase == Phase.ENDING) {
                    phase = Phase.COMMITTING;
                    submit(Step.COMMIT, List.of(), commit);
                }
            }
            default -> {
                // COMMITTING or DONE: nothing left to hand to the disk
            }
        }
    }

    private void writeAll(List<ByteBuf> batch) throws IOException {
        try {
            for (ByteBuf buf : batch) {
                for (ByteBuffer nio : buf.nioBuffers()) {
                    sink.write(nio);
                }
            }
        } finally {
            batch.forEach(ByteBuf::release);
        }
    }

    /**
     * Runs {@code task} on the disk executor, then hands its outcome back to the event loop; {@code batch}
     * is what a write step writes (and releases), released here if the disk refuses the task.
     */
    private void submit(Step step, List<ByteBuf> batch, Commit<?> task) {
        long bytes = batch.stream().mapToLong(ByteBuf::readableBytes).sum();
        diskBusy = true;
        try {
            disk.execute(() -> {
                Object value = null;
                Throwable error = null;
                try {
                    value = task.run();
                } catch (IOException | RuntimeException e) {
                    error = e;
                }
                Object done = value;
                Throwable failed = error;
                try {
                    channel.eventLoop().execute(() -> afterDisk(step, bytes, done, failed));
                } catch (RejectedExecutionException e) {
                    LOG.debug("{}: event loop gone before a disk step reported back", channel);
                }
            });
        } catch (RejectedExecutionException e) {
            diskBusy = false;
            heldBytes -= bytes;
            batch.forEach(ByteBuf::release);
            LOG.warn("{}: the disk executor refused work: {}", channel, e.toString());
            if (step == Step.ABORT) {
                sink.abort(); // no disk thread left: the delete is small enough for the event loop
                result.completeExceptionally(failure);
                return;
            }
            if (step == Step.COMMIT) {
                phase = Phase.ENDING;
            }
            fail(new IOException("the server is shutting down"));
        }
    }

    @SuppressWarnings("unchecked")
    private void afterDisk(Step step, long bytes, Object value, Throwable error) {
        diskBusy = false;
        heldBytes -= bytes;
        if (phase == Phase.STREAMING && heldBytes < limits.uploadBufferBytes()) {
            channel.config().setAutoRead(true);
        }
        if (step == Step.ABORT) {
            if (error != null) {
                LOG.warn("{}: throwing a document away failed: {}", channel, error.toString());
            }
            result.completeExceptionally(failure);
            return;
        }
        if (error != null) {
            if (step == Step.COMMIT) {
                phase = Phase.ENDING; // so that fail() below may end it
            }
            fail(error instanceof IOException io ? io : new IOException(String.valueOf(error.getMessage()), error));
            pump(); // already aborted before this step failed: the sink's clean-up is still due
            return;
        }
        if (step == Step.COMMIT) {
            phase = Phase.DONE;
            result.complete((R) value);
            return;
        }
        pump();
    }
}
