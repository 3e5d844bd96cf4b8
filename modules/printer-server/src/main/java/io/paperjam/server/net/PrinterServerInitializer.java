package io.paperjam.server.net;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Builds each connection's pipeline: idle timer, connection limit, framing, reply encoding, and
 * the handler that holds the logic.
 */
public final class PrinterServerInitializer extends ChannelInitializer<SocketChannel> {

    static final String IDLE = "idle";

    private final ServerContext server;
    private final ConnectionLimiter limiter;
    private final Operations operations;

    public PrinterServerInitializer(ServerContext server) {
        this.server = server;
        this.limiter = new ConnectionLimiter(server.settings().maxConnections());
        this.operations = new Operations(server.printer(), server.guard());
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        server.channels().add(ch);
        long idleMillis = server.settings().idleTimeout().toMillis();
        ChannelPipeline pipeline = ch.pipeline();
        pipeline.addLast(IDLE, new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast("limiter", limiter);
        pipeline.addLast("decoder", new RequestDecoder(server.settings().maxHeaderBytes()));
        pipeline.addLast("encoder", LineEncoder.INSTANCE);
        pipeline.addLast("handler", new ConnectionHandler(server, operations));
    }
}
