package io.paperjam.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The spool's helper threads: daemon pools, and waiting for their disk work whatever interrupts come. */
final class Background {

    private Background() {
    }

    /** A cached pool of daemon threads named {@code name}: spool helpers never keep a process alive. */
    static ExecutorService daemons(String name) {
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Disk work that may fail. */
    interface IoWork<T> {
        T call() throws IOException;
    }

    /** Runs {@code work} on {@code helpers}; {@link #await} gives back its value or its IOException. */
    static <T> CompletableFuture<T> start(IoWork<T> work, ExecutorService helpers) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, helpers);
    }

    /**
     * The future's value once it is done. An interrupt does not cut the wait short, since the helper still
     * uses the buffer, channel or file it was given; the flag is kept for the caller. A failure comes back as
     * the IOException it was (unwrapped from {@link UncheckedIOException}), or wrapped in one saying {@code what}.
     */
    static <T> T await(CompletableFuture<T> future, String what) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
                    throw cause instanceof IOException io ? io : new IOException(what + " failed", cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
