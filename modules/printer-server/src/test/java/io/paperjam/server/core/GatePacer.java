package io.paperjam.server.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.server.device.Pacer;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A pacer a test drives: each sheet waits until the test lets it out. */
final class GatePacer implements Pacer {

    private final Semaphore entered = new Semaphore(0);
    private final Semaphore released = new Semaphore(0);

    @Override
    public void awaitPage(Duration pageTime) throws InterruptedException {
        entered.release();
        released.acquire();
    }

    /** Waits until the scheduler has a sheet in the printer. */
    void awaitSheet() throws InterruptedException {
        assertTrue(entered.tryAcquire(PrinterHarness.WAIT_SECONDS, TimeUnit.SECONDS), "no sheet entered the printer");
    }

    /** True when no sheet enters the printer within a short while. */
    boolean idleFor(Duration wait) throws InterruptedException {
        return !entered.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    void release(int sheets) {
        released.release(sheets);
    }

    /** Lets every future sheet through at once. */
    void open() {
        released.release(1_000_000);
    }
}
