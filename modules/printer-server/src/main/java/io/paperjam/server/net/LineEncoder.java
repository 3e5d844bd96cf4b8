package io.paperjam.server.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.paperjam.protocol.Event;
import io.paperjam.protocol.Json;
import io.paperjam.protocol.Reply;
import java.util.List;

/** Writes each {@link Reply} and {@link Event} as one line of JSON. */
@Sharable
public final class LineEncoder extends MessageToMessageEncoder<Object> {

    public static final LineEncoder INSTANCE = new LineEncoder();

    private LineEncoder() {
        super(Object.class);
    }

    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return msg instanceof Reply || msg instanceof Event;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out) {
        out.add(Unpooled.wrappedBuffer(Json.line(msg)));
    }
}
