package io.paperjam.client.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The run's budget, shared by every connection: at most {@code count} jobs, none started after the
 * deadline. Every attempt takes a ticket, a failed reconnect too, so a dead printer ends the run.
 */
final class Tickets {

    private final long count;
    private final AtomicLong taken = new AtomicLong();
    private volatile long startNanos;
    private volatile long deadlineNanos;

    Tickets(long count) {
        this.count = count;
    }

    /** Starts the clock: tickets are handed out from now until {@code durationNanos} have passed. */
    void start(long durationNanos) {
        long now = System.nanoTime();
        startNanos = now;
        deadlineNanos = now + durationNanos;
    }

    /** Takes one ticket; false once the count is used up or the time is over. */
    boolean take() {
        return System.nanoTime() < deadlineNanos && taken.incrementAndGet() <= count;
    }

    long startNanos() {
        return startNanos;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }
}
