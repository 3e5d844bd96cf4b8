package io.paperjam.spool;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs two blocking disk steps at the same time, one on a helper thread and one on the caller, and returns
 * only when both have ended: the disk under the spool completes concurrent fsyncs in one flush, so two
 * fsyncs side by side cost about as much as one.
 */
final class Overlap {

    /** A disk step that may fail. */
    interface Step {
        void run() throws IOException;
    }

    private static final ExecutorService HELPERS = Background.daemons("spool-io");

    private Overlap() {
    }

    /**
     * Runs {@code aside} on a helper thread and {@code here} on the caller; waits for both even if one
     * fails, then throws the first failure (the other one suppressed).
     */
    static void both(Step aside, Step here) throws IOException {
        Future<?> other = HELPERS.submit(() -> {
            aside.run();
            return null;
        });
        Throwable failure = null;
        try {
            here.run();
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        Throwable asideFailure = await(other);
        if (failure == null) {
            failure = asideFailure;
        } else if (asideFailure != null) {
            failure.addSuppressed(asideFailure);
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IOException("spool disk step failed", failure);
        }
    }

    /** Waits without giving up on interrupt (the step must end before its files are touched again). */
    private static Throwable await(Future<?> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    future.get();
                    return null;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    return e.getCause();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
