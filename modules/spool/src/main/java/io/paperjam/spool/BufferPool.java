package io.paperjam.spool;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Direct buffers of one size shared by all uploads, so that a big document does not allocate (and leave to
 * the garbage collector) a fresh native buffer per chunk; at most {@code keep} idle buffers are retained.
 */
final class BufferPool {

    private final int size;
    private final ArrayBlockingQueue<ByteBuffer> idle;

    BufferPool(int size, int keep) {
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(keep);
    }

    /** An empty buffer of {@link #size()} bytes, ready for put(). */
    ByteBuffer take() {
        ByteBuffer buffer = idle.poll();
        return buffer != null ? buffer.clear() : ByteBuffer.allocateDirect(size);
    }

    /** Returns a buffer no one reads or writes any more; dropped if enough are idle already. */
    void give(ByteBuffer buffer) {
        idle.offer(buffer);
    }

    int size() {
        return size;
    }
}
