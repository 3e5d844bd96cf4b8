package io.paperjam.spool;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for one directory: when {@link #sync()} returns, every rename into the directory that finished
 * before the call is durable, and callers that arrive together share one directory fsync.
 *
 * <p>Each caller takes a ticket after its rename. One caller at a time fsyncs; it first reads the newest
 * ticket, so its fsync covers every rename behind that ticket, and the callers waiting behind it find their
 * ticket already covered and return without a syscall. A failed fsync covers nobody: each waiter tries itself.
 */
final class DirSync {

    private final Path dir;
    private final SpoolFiles files;
    private final ReentrantLock syncing = new ReentrantLock();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong fsyncs = new AtomicLong();
    private volatile long synced;

    DirSync(Path dir, SpoolFiles files) {
        this.dir = dir;
        this.files = files;
    }

    void sync() throws IOException {
        long ticket = requested.incrementAndGet();
        syncing.lock();
        try {
            if (synced >= ticket) {
                return;
            }
            long covered = requested.get();
            files.syncDirectory(dir);
            fsyncs.incrementAndGet();
            synced = covered;
        } finally {
            syncing.unlock();
        }
    }

    /** How many requests this directory has seen (for tests and benchmarks). */
    long requests() {
        return requested.get();
    }

    /** How many fsyncs were actually issued (at most {@link #requests()}). */
    long fsyncs() {
        return fsyncs.get();
    }
}
