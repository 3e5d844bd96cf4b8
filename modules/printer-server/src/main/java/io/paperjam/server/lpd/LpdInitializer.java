package io.paperjam.server.lpd;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.paperjam.server.door.IdleTimer;

/** Builds an LPD connection's pipeline: the idle timer, the RFC 1179 decoder, then the handler. */
final class LpdInitializer extends ChannelInitializer<SocketChannel> {

    private final LpdContext door;

    LpdInitializer(LpdContext door) {
        this.door = door;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast("idle", IdleTimer.reading(door.limits()))
                .addLast("decoder", new LpdDecoder(door.limits().maxCommandBytes(), door.limits().maxControlFileBytes()))
                .addLast("handler", new LpdHandler(door));
    }
}
