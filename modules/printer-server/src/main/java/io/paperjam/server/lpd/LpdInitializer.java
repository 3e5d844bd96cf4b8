package io.paperjam.server.lpd;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** Builds an LPD connection's pipeline: the idle timer, the RFC 1179 decoder, then the handler. */
final class LpdInitializer extends ChannelInitializer<SocketChannel> {

    private final LpdContext door;

    LpdInitializer(LpdContext door) {
        this.door = door;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast("idle", new IdleStateHandler(door.limits().idleTimeout().toMillis(), 0, 0,
                        TimeUnit.MILLISECONDS))
                .addLast("decoder", new LpdDecoder(door.limits().maxCommandBytes(), door.limits().maxControlFileBytes()))
                .addLast("handler", new LpdHandler(door));
    }
}
