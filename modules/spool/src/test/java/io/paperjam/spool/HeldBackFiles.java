package io.paperjam.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/** Files whose creation waits for a latch where {@code held} says so (to hold the materialiser back). */
final class HeldBackFiles extends SpoolFiles {

    private final CountDownLatch released;
    private final Predicate<Path> held;

    HeldBackFiles(CountDownLatch released, Predicate<Path> held) {
        this.released = released;
        this.held = held;
    }

    @Override
    FileChannel createExclusive(Path file) throws IOException {
        if (held.test(file)) {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while held back", e);
            }
        }
        return super.createExclusive(file);
    }
}
