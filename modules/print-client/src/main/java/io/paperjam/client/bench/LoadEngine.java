package io.paperjam.client.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.Histogram;

/** How a run's connections are driven: a thread per connection, or event loops over a selector. */
interface LoadEngine {

    /** Highest latency recorded, in microseconds; longer ones are recorded as this. */
    long HIGHEST_MICROS = 3_600_000_000L;

    /**
     * Opens every connection, starts the clock ({@link Tickets#start}) once all have tried, then submits
     * jobs until the tickets run out and the jobs in flight are answered. Interrupted, it stops early.
     *
     * @return the latency in microseconds of every acknowledged job
     */
    Histogram run(Tickets tickets, ErrorCounts errors) throws InterruptedException;

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    /**
     * The run's course, whatever drives the connections: once every started thread has tried its first
     * connects ({@code connected}), starts the clock and lets them go, then waits for them to end. Interrupted,
     * it interrupts them.
     */
    static void startAndJoin(List<Thread> threads, CountDownLatch connected, CountDownLatch go, Tickets tickets,
                             Duration duration) throws InterruptedException {
        try {
            connected.await();
            tickets.start(duration.toNanos());
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
        } finally {
            threads.forEach(Thread::interrupt);
        }
    }
}
