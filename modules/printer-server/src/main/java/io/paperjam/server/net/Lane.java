package io.paperjam.server.net;

import io.netty.channel.EventLoop;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's work, run in order on the disk executor, off the event loop: spool writes,
 * fsyncs and printer calls. Running everything for a connection through one lane keeps its
 * replies in request order. The lane counts what is queued (tasks and document bytes) so the
 * connection can stop reading while the disk is behind.
 *
 * <p>The lane is a mailbox: tasks queued while it is idle start one drain on the executor, which
 * runs them back to back and reports them done to the event loop once. A small job (header, one
 * slice of document, end) thus costs one hand-off to a disk thread and one back, not three of each;
 * on a busy machine every hand-off is a wait for a CPU.
 *
 * <p>{@link #run} and the counters are used on the connection's event loop only.
 */
final class Lane {

    /** Tasks one drain runs before giving its disk thread to other connections. */
    static final int MAX_TASKS_PER_DRAIN = 16;

    private static final Logger log = LoggerFactory.getLogger(Lane.class);

    private record Task(long heldBytes, Runnable work) {
    }

    private final Executor executor;
    private final EventLoop eventLoop;
    private final Runnable onProgress;
    private final Queue<Task> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private int tasks;
    private int chunks;
    private long bytes;

    /** {@code onProgress} runs on the event loop after each drain, with the counters updated. */
    Lane(Executor executor, EventLoop eventLoop, Runnable onProgress) {
        this.executor = executor;
        this.eventLoop = eventLoop;
        this.onProgress = onProgress;
    }

    /** Queues {@code task}, which holds {@code heldBytes} of document until it is done. */
    void run(long heldBytes, Runnable task) {
        tasks++;
        chunks += heldBytes > 0 ? 1 : 0;
        bytes += heldBytes;
        queue.add(new Task(heldBytes, task));
        schedule();
    }

    int tasks() {
        return tasks;
    }

    /** Queued tasks that hold no document bytes: requests, upload ends, replies (chunks count in {@link #bytes}). */
    int requests() {
        return tasks - chunks;
    }

    long bytes() {
        return bytes;
    }

    private void schedule() {
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // the server is shutting down its disk threads: what is left here will not run
                log.debug("dropped {} queued task(s): the disk executor is shut down", queue.size());
                queue.clear();
                draining.set(false);
            }
        }
    }

    /** Runs queued tasks in order (at most a batch), then tells the event loop once. */
    private void drain() {
        int done = 0;
        int chunksDone = 0;
        long freed = 0;
        try {
            Task task;
            while (done < MAX_TASKS_PER_DRAIN && (task = queue.poll()) != null) {
                runSafely(task.work());
                done++;
                chunksDone += task.heldBytes() > 0 ? 1 : 0;
                freed += task.heldBytes();
            }
        } finally {
            report(done, chunksDone, freed);
            draining.set(false);
            if (!queue.isEmpty()) {
                schedule();     // more came in meanwhile, or the batch was full
            }
        }
    }

    private void report(int done, int chunksDone, long freed) {
        if (done == 0) {
            return;
        }
        try {
            eventLoop.execute(() -> {
                tasks -= done;
                chunks -= chunksDone;
                bytes -= freed;
                onProgress.run();
            });
        } catch (RejectedExecutionException e) {
            log.debug("connection closed with its event loop; progress not reported");
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            log.error("connection task failed", e);
        }
    }
}
