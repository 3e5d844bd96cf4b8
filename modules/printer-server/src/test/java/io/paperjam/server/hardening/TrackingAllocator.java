package io.paperjam.server.hardening;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/** An unpooled allocator that remembers every buffer it made, to prove none is leaked and to count live bytes. */
final class TrackingAllocator extends AbstractByteBufAllocator {

    private final List<ByteBuf> made = new ArrayList<>();

    TrackingAllocator() {
        super(false);   // heap buffers
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        return track(Unpooled.buffer(initialCapacity, maxCapacity));
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        return track(Unpooled.directBuffer(initialCapacity, maxCapacity));
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    private ByteBuf track(ByteBuf buf) {
        made.add(buf);
        return buf;
    }

    /** Capacity of the buffers still referenced. */
    long liveBytes() {
        return made.stream().filter(b -> b.refCnt() > 0).mapToLong(ByteBuf::capacity).sum();
    }

    /** Buffers still referenced: after the channel finished, a leak. */
    long unreleased() {
        return made.stream().filter(b -> b.refCnt() > 0).count();
    }

    void forget() {
        made.clear();
    }
}
