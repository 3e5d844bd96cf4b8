package io.paperjam.server.net;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Document bytes that connections may hold beyond their own {@code uploadBufferBytes}, shared by the whole
 * server: one big upload reads further ahead of the disk while few others need the memory, and a thousand
 * connections still hold no more than their own shares plus the pool. One connection takes at most a quarter
 * of it, so a second big upload still finds room. The limit is soft: a connection over it has already asked
 * for its next socket read, so the pool may be exceeded by one read (tens of KiB) per connection.
 */
final class ReadAheadPool {

    private final long poolBytes;
    private final long perConnectionBytes;
    private final AtomicLong used = new AtomicLong();

    ReadAheadPool(long poolBytes) {
        this.poolBytes = poolBytes;
        this.perConnectionBytes = poolBytes / 4;
    }

    Claim claim() {
        return new Claim();
    }

    /** Bytes held beyond their own shares by all connections together. */
    long used() {
        return used.get();
    }

    /** One connection's part of the pool; used on that connection's event loop only. */
    final class Claim {

        private long held;

        private Claim() {
        }

        /**
         * Records that the connection now holds {@code excessBytes} beyond its own share, and answers whether it
         * may hold more: a claim of 0 gives back what it held.
         */
        boolean hold(long excessBytes) {
            long delta = excessBytes - held;
            held = excessBytes;
            long total = delta == 0 ? used.get() : used.addAndGet(delta);
            return excessBytes < perConnectionBytes && total < poolBytes;
        }
    }
}
