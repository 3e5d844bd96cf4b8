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
 * resumes when the disk caught up. Every method but the constructor runs on the channel's event loop.
 *
 * <p>Life: {@link #write} any number of times, then either {@link #finish} (runs a commit step on
 * the disk executor after the last write and completes its future on the event loop) or
 * {@link #abort} (the sink throws its bytes away). Going past {@link DoorLimits#maxDocumentBytes()}
 * aborts by itself and fails the future with {@link DocumentTooLargeException}.
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

    private final Channel channel;
    private final Executor disk;
    private final DoorLimits limits;
    private final DocumentSink sink;
    private enum Phase { STREAMING, ENDING, COMMITTING, DONE, ABORTED }

    private final ArrayDeque<ByteBuf> pending = new ArrayDeque<>();
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private Phase phase = Phase.STREAMING;
    /** Bytes received and not yet written by the disk (queued or in flight): what this upload holds in memory. */
    private long heldBytes;
    private long received;
    private boolean diskBusy;
    private boolean sinkAborted;
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
     * Throws the document away (the connection broke, the client aborted) and fails the result. Too
     * late once the commit step runs: that job is then kept (delivery is at least once).
     */
    public void abort(String why) {
        if (phase == Phase.COMMITTING) {
            LOG.debug("{}: not aborting ({}): the commit is already running", channel, why);
            return;
        }
        fail(new IOException(why));
    }

    private void fail(IOException why) {
        if (phase == Phase.DONE || phase == Phase.ABORTED) {
            return;
        }
        phase = Phase.ABORTED;
        pending.forEach(ByteBuf::release);
        pending.clear();
        result.completeExceptionally(why);
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
                    submit(false, 0, () -> {
                        sink.abort();
                        return null;
                    });
                }
            }
            case STREAMING, ENDING -> {
                if (!pending.isEmpty()) {
                    List<ByteBuf> batch = new ArrayList<>(pending);
                    long bytes = batch.stream().mapToLong(ByteBuf::readableBytes).sum();
                    pending.clear();
                    submit(false, bytes, () -> {
                        writeAll(batch);
                        return null;
                    });
                } else if (phase == Phase.ENDING) {
                    phase = Phase.COMMITTING;
                    submit(true, 0, commit);
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

    /** Runs {@code task} on the disk executor, then hands its outcome back to the event loop. */
    private void submit(boolean isCommit, long bytes, Commit<?> task) {
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
                Throwable failure = error;
                try {
                    channel.eventLoop().execute(() -> afterDisk(isCommit, bytes, done, failure));
                } catch (RejectedExecutionException e) {
                    LOG.debug("{}: event loop gone before a disk step reported back", channel);
                }
            });
        } catch (RejectedExecutionException e) {
            diskBusy = false;
            LOG.warn("{}: the disk executor refused work: {}", channel, e.toString());
            if (phase == Phase.ABORTED) {
                sink.abort(); // no disk thread left: the delete is small enough for the event loop
                return;
            }
            if (isCommit) {
                phase = Phase.ENDING;
            }
            fail(new IOException("the server is shutting down"));
        }
    }

    @SuppressWarnings("unchecked")
    private void afterDisk(boolean isCommit, long bytes, Object value, Throwable error) {
        diskBusy = false;
        heldBytes -= bytes;
        if (phase == Phase.STREAMING && heldBytes < limits.uploadBufferBytes()) {
            channel.config().setAutoRead(true);
        }
        if (error != null) {
            if (isCommit) {
                phase = Phase.ENDING; // so that fail() below may end it
            }
            fail(error instanceof IOException io ? io : new IOException(String.valueOf(error.getMessage()), error));
            return;
        }
        if (isCommit) {
            phase = Phase.DONE;
            result.complete((R) value);
            return;
        }
        pump();
    }
}
