package io.paperjam.server.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.paperjam.protocol.ErrorCode;
import io.paperjam.protocol.Json;
import io.paperjam.protocol.Reply;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the number of open connections at or under {@code maxConnections}: one more gets a
 * {@code busy} line and is closed, and never reaches the handlers behind this one.
 */
@Sharable
public final class ConnectionLimiter extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ConnectionLimiter.class);
    private static final AttributeKey<Boolean> REFUSED = AttributeKey.valueOf("paperjam.refused");

    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();

    public ConnectionLimiter(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** Connections counted now, refused ones included until they close. */
    public int open() {
        return open.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        int now = open.incrementAndGet();
        if (now <= maxConnections) {
            ctx.fireChannelActive();
            return;
        }
        ctx.channel().attr(REFUSED).set(Boolean.TRUE);
        log.warn("refused connection from {}: {} connections are open, the limit is {}",
                ctx.channel().remoteAddress(), now - 1, maxConnections);
        Reply busy = Reply.error(ErrorCode.BUSY, "the printer has " + maxConnections
                + " connections open, its limit; try again later");
        LingeringClose.after(ctx.writeAndFlush(Unpooled.wrappedBuffer(Json.line(busy))));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused(ctx)) {
            ReferenceCountUtil.release(msg);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        open.decrementAndGet();
        if (!refused(ctx)) {
            ctx.fireChannelInactive();
        }
    }

    private static boolean refused(ChannelHandlerContext ctx) {
        return Boolean.TRUE.equals(ctx.channel().attr(REFUSED).get());
    }
}
