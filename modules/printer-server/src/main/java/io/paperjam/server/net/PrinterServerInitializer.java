package io.paperjam.server.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Builds each connection's pipeline: TLS (when the port has it), idle timer, connection limit,
 * framing, reply encoding, and the handler that holds the logic.
 */
public final class PrinterServerInitializer extends ChannelInitializer<SocketChannel> {

    static final String IDLE = "idle";

    private final ServerContext server;
    private final ConnectionLimiter limiter;
    private final Operations operations;
    private final Supplier<List<ChannelHandler>> tls;

    public PrinterServerInitializer(ServerContext server) {
        this(server, null);
    }

    /** With {@code tls} non-null, each connection starts with the handlers it makes: TLS comes first. */
    public PrinterServerInitializer(ServerContext server, Supplier<List<ChannelHandler>> tls) {
        this.server = server;
        this.limiter = new ConnectionLimiter(server.settings().maxConnections());
        this.operations = new Operations(server.printer(), server.guard());
        this.tls = tls;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        server.channels().add(ch);
        long idleMillis = server.settings().idleTimeout().toMillis();
        ChannelPipeline pipeline = ch.pipeline();
        if (tls != null) {
            tls.get().forEach(pipeline::addLast);
        }
        pipeline.addLast(IDLE, new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast("limiter", limiter);
        pipeline.addLast("decoder", new RequestDecoder(server.settings().maxHeaderBytes()));
        pipeline.addLast("encoder", LineEncoder.INSTANCE);
        pipeline.addLast("handler", new ConnectionHandler(server, operations));
    }
}
