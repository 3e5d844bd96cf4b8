package io.paperjam.server.door;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bound listening socket of a door: binds it, admits connections under the connection limit,
 * remembers them, and on {@link #close()} stops accepting, gives open connections the shutdown grace
 * to finish, closes the rest and releases the door's threads (when it owns them).
 */
public final class DoorListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DoorListener.class);
    /** Connections the kernel may hold waiting to be accepted. */
    private static final int BACKLOG = 128;

    private final String door;
    private final Channel server;
    private final ChannelGroup connections;
    private final DoorThreads threads;
    private final DoorLimits limits;

    private DoorListener(String door, Channel server, ChannelGroup connections, DoorThreads threads,
                         DoorLimits limits) {
        this.door = door;
        this.server = server;
        this.connections = connections;
        this.threads = threads;
        this.limits = limits;
    }

    /**
     * Listens on {@code host:port} (0: any free port); every accepted connection gets {@code pipeline}
     * after the connection limit. Half-closure is allowed, so a client may end its input and still read
     * the reply.
     */
    public static DoorListener bind(String door, String host, int port, DoorThreads threads, DoorLimits limits,
                                    ChannelHandler pipeline) throws IOException {
        return bind(door, host, port, threads, limits, pipeline, true);
    }

    /**
     * Like {@link #bind(String, String, int, DoorThreads, DoorLimits, ChannelHandler)}; without
     * {@code halfClosure} a client that ends its output ends the connection (HTTP wants that).
     */
    public static DoorListener bind(String door, String host, int port, DoorThreads threads, DoorLimits limits,
                                    ChannelHandler pipeline, boolean halfClosure) throws IOException {
        ChannelGroup connections = new DefaultChannelGroup(door, GlobalEventExecutor.INSTANCE);
        ConnectionLimit limit = new ConnectionLimit(door, limits.maxConnections());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(threads.boss(), threads.workers())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, halfClosure)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast("limit", limit).addLast(pipeline);
                    }
                });
        ChannelFuture bound = bootstrap.bind(host, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            threads.close();
            throw new IOException(door + ": cannot listen on " + host + ":" + port + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        DoorListener listener = new DoorListener(door, bound.channel(), connections, threads, limits);
        LOG.info("{} door listening on {}", door, listener.address());
        return listener;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    /**
     * The event every open connection gets when its door closes: finish what is in flight, then
     * close; a connection with nothing in flight (an idle HTTP keep-alive) may close at once.
     */
    public enum Drain {
        INSTANCE
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        connections.forEach(channel -> channel.pipeline().fireUserEventTriggered(Drain.INSTANCE));
        if (!connections.isEmpty()) {
            LOG.info("{}: letting {} connection(s) finish for up to {}", door, connections.size(),
                    limits.shutdownGrace());
            connections.newCloseFuture().awaitUninterruptibly(limits.shutdownGrace().toMillis(),
                    TimeUnit.MILLISECONDS);
            connections.close().awaitUninterruptibly();
        }
        threads.close();
        LOG.info("{} door closed", door);
    }
}
