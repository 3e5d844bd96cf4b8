package io.paperjam.server.e2e;

import io.paperjam.server.device.Pacer;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/** A pacer whose pages wait for the test: each {@link #allow} lets that many more pages print. */
final class GatedPacer implements Pacer {

    private final Semaphore pages = new Semaphore(0);

    @Override
    public void awaitPage(Duration pageTime) throws InterruptedException {
        pages.acquire();
    }

    void allow(int count) {
        pages.release(count);
    }

    /** Lets every page print from now on. */
    void open() {
        pages.release(Integer.MAX_VALUE / 2);
    }
}
