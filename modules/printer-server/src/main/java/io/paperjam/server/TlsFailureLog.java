package io.paperjam.server;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.paperjam.server.door.Peers;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Right behind a TLS port's {@code SslHandler}: a failed handshake (the client does not trust our
 * certificate, speaks no common protocol, ...) is an everyday event, logged as one line saying so
 * and closed, rather than an "unexpected error" further down.
 */
@Sharable
final class TlsFailureLog extends ChannelInboundHandlerAdapter {

    static final TlsFailureLog INSTANCE = new TlsFailureLog();

    private static final Logger LOG = LoggerFactory.getLogger(TlsFailureLog.class);

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable tls = cause instanceof DecoderException ? cause.getCause() : cause;
        if (tls instanceof SSLException) {
            LOG.info("{}: TLS failed: {}", Peers.describe(ctx.channel()), tls.getMessage());
            ctx.close();
            return;
        }
        ctx.fireExceptionCaught(cause);
    }
}
