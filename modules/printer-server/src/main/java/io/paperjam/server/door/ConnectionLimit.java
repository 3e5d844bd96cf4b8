package io.paperjam.server.door;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a new connection at once when a door already has {@link DoorLimits#maxConnections()} open,
 * so a flood of clients cannot exhaust the server; put it first in every door's pipeline.
 */
@Sharable
public final class ConnectionLimit extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);

    private final String door;
    private final int max;
    private final AtomicInteger open = new AtomicInteger();

    public ConnectionLimit(String door, int max) {
        this.door = door;
        this.max = max;
    }

    /** Connections open now. */
    public int open() {
        return open.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        int now = open.incrementAndGet();
        ctx.channel().closeFuture().addListener(f -> open.decrementAndGet());
        if (now > max) {
            LOG.warn("{}: refused {}: {} connections are open, the limit is {}", door,
                    ctx.channel().remoteAddress(), now - 1, max);
            ctx.close();
            return;
        }
        ctx.fireChannelActive();
        ctx.pipeline().remove(this); // admitted: nothing more to count until it closes
    }
}
