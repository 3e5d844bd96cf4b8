package io.paperjam.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.paperjam.protocol.ErrorCode;
import io.paperjam.protocol.Json;
import io.paperjam.protocol.Reply;
import io.paperjam.server.door.Peers;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits in front of a TLS port's {@code SslHandler} and looks at the connection's first byte. A TLS
 * record starts with a content type from 20 to 23 (an old SSLv2 hello with its high bit set): then
 * this handler steps aside and the bytes go on to TLS. Anything else, such as a JSON request line
 * from a client that forgot TLS, gets one plain error reply saying so (written here, in front of
 * TLS, so it is readable), and the connection closes, instead of a silent hang-up.
 */
final class PlaintextRefusal extends ByteToMessageDecoder {

    static final String MESSAGE = "this port speaks TLS; connect with TLS (print-client --tls)";

    private static final Logger LOG = LoggerFactory.getLogger(PlaintextRefusal.class);
    private static final int FIRST_TLS_CONTENT_TYPE = 20;
    private static final int LAST_TLS_CONTENT_TYPE = 23;

    private boolean refused;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (refused) {   // the refusal is on its way and the connection closing: drop the rest
            in.skipBytes(in.readableBytes());
            return;
        }
        int first = in.getUnsignedByte(in.readerIndex());
        if ((first >= FIRST_TLS_CONTENT_TYPE && first <= LAST_TLS_CONTENT_TYPE) || (first & 0x80) != 0) {
            ctx.pipeline().remove(this);   // hands the bytes read so far on to the SslHandler
            return;
        }
        refused = true;
        in.skipBytes(in.readableBytes());
        LOG.warn("{}: refused a connection without TLS on the TLS port", Peers.describe(ctx.channel()));
        byte[] reply = Json.line(Reply.error(ErrorCode.BAD_REQUEST, MESSAGE));
        ctx.writeAndFlush(Unpooled.wrappedBuffer(reply)).addListener(ChannelFutureListener.CLOSE);
    }
}
