package io.paperjam.server.device;

import java.time.Duration;

/**
 * How the scheduler spends the time one impression takes: really sleeping, not at all, or (in
 * tests) whatever a test decides.
 */
@FunctionalInterface
public interface Pacer {

    /** Returns once the device has had {@code pageTime} to print one impression. */
    void awaitPage(Duration pageTime) throws InterruptedException;

    /** Sleeps the page time, so a 20 ppm device prints a sheet every 3 seconds. */
    static Pacer realTime() {
        return pageTime -> {
            if (!pageTime.isZero() && !pageTime.isNegative()) {
                Thread.sleep(pageTime.toMillis(), pageTime.toNanosPart() % 1_000_000);
            }
        };
    }

    /** Never waits: every page prints at once, whatever the speed says. */
    static Pacer instant() {
        return new Pacer() {
            @Override
            public void awaitPage(Duration pageTime) throws InterruptedException {
                if (Thread.interrupted()) {
                    throw new InterruptedException("printing was interrupted");
                }
            }

            @Override
            public boolean takesNoTime() {
                return true;
            }
        };
    }

    /** True when pages take no real time, so progress need not be made durable after every page. */
    default boolean takesNoTime() {
        return false;
    }
}
