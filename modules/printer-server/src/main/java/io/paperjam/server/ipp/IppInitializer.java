package io.paperjam.server.ipp;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The IPP door's pipeline (after the door's connection limit): idle timeout, HTTP/1.1 (chunked bodies, 100-continue),
 * then the IPP handler. No aggregator: documents stream.
 */
final class IppInitializer extends ChannelInitializer<SocketChannel> {

    /** Longest HTTP request line and header block accepted. */
    static final int MAX_INITIAL_LINE = 4096;
    static final int MAX_HTTP_HEADERS = 16 * 1024;
    /** Largest piece of body the codec hands over at once. */
    static final int MAX_CHUNK = 64 * 1024;

    private final IppService service;

    IppInitializer(IppService service) {
        this.service = service;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        p.addLast("idle", new IdleStateHandler(0, 0, service.settings().idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        p.addLast("http", new HttpServerCodec(MAX_INITIAL_LINE, MAX_HTTP_HEADERS, MAX_CHUNK));
        p.addLast("continue", new HttpServerExpectContinueHandler());
        p.addLast("ipp", new IppHttpHandler(service));
    }
}
