package io.paperjam.server.raw;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.paperjam.server.door.IdleTimer;

/** Builds a raw connection's pipeline: the idle timer, then the handler that spools the job. */
final class RawInitializer extends ChannelInitializer<SocketChannel> {

    private final RawContext door;

    RawInitializer(RawContext door) {
        this.door = door;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast("idle", IdleTimer.reading(door.limits()))
                .addLast("job", new RawJobHandler(door));
    }
}
