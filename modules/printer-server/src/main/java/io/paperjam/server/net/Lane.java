package io.paperjam.server.net;

import io.netty.channel.EventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's work, run in order on the disk executor, off the event loop: spool writes,
 * fsyncs and printer calls. Running everything for a connection through one lane keeps its
 * replies in request order. The lane counts what is queued (tasks and document bytes) so the
 * connection can stop reading while the disk is behind.
 *
 * <p>{@link #run} and the counters are used on the connection's event loop only.
 */
final class Lane {

    private static final Logger log = LoggerFactory.getLogger(Lane.class);

    private final Executor executor;
    private final EventLoop eventLoop;
    private final Runnable onProgress;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private int tasks;
    private long bytes;

    /** {@code onProgress} runs on the event loop after each task, with the counters updated. */
    Lane(Executor executor, EventLoop eventLoop, Runnable onProgress) {
        this.executor = executor;
        this.eventLoop = eventLoop;
        this.onProgress = onProgress;
    }

    /** Queues {@code task}, which holds {@code heldBytes} of document until it is done. */
    void run(long heldBytes, Runnable task) {
        tasks++;
        bytes += heldBytes;
        // the tail never fails (task errors are caught), so a failed task cannot stop the lane
        tail = tail.thenRunAsync(() -> runSafely(task), executor);
        tail.thenRun(() -> eventLoop.execute(() -> {
            tasks--;
            bytes -= heldBytes;
            onProgress.run();
        }));
    }

    int tasks() {
        return tasks;
    }

    long bytes() {
        return bytes;
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            log.error("connection task failed", e);
        }
    }
}
