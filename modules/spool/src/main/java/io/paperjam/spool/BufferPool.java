package io.paperjam.spool;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Direct buffers of one size shared by all uploads, so that a big document does not allocate (and leave to
 * the garbage collector) a fresh native buffer per chunk. At most {@code budget} buffers exist at once, so
 * many big uploads together cannot exhaust the process's direct memory: past it, {@link #tryTake} says no and
 * the caller does without.
 */
final class BufferPool {

    private final int size;
    private final int budget;
    private final ArrayBlockingQueue<ByteBuffer> idle;
    private final AtomicInteger lent = new AtomicInteger();

    BufferPool(int size, int budget) {
        this.size = size;
        this.budget = budget;
        this.idle = new ArrayBlockingQueue<>(budget);
    }

    /** An empty buffer of {@link #size()} bytes, ready for put(), or null when the whole budget is lent out. */
    ByteBuffer tryTake() {
        if (lent.incrementAndGet() > budget) {
            lent.decrementAndGet();
            return null;
        }
        ByteBuffer buffer = idle.poll();
        return buffer != null ? buffer.clear() : ByteBuffer.allocateDirect(size);
    }

    /** Returns a buffer from {@link #tryTake} that no one reads or writes any more. */
    void give(ByteBuffer buffer) {
        idle.offer(buffer);
        lent.decrementAndGet();
    }

    int size() {
        return size;
    }

    /** Buffers lent out now (for tests). */
    int lent() {
        return lent.get();
    }
}
