package io.paperjam.server.ipp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import io.paperjam.server.core.Printer;
import io.paperjam.spool.JobUpload;
import io.paperjam.spool.Spool;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IPP/2.0 front door (RFC 8011 over HTTP, RFC 8010 encoding): a real IPP client such as CUPS or
 * ipptool prints to {@code ipp://HOST:PORT/ipp/print} and sees the simulated device's state and
 * faults. Off unless started; binds to loopback unless told otherwise.
 */
public final class IppServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IppServer.class);
    /** Threads of an owned disk executor: uploads block on fsync, so a few run side by side. */
    private static final int DISK_THREADS = 4;
    private static final long EXPIRY_PERIOD_SECONDS = 5;
    private static final long SHUTDOWN_WAIT_SECONDS = 5;

    private final Channel channel;
    private final IppService service;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ExecutorService disk;
    private final boolean ownsThreads;
    private final ScheduledFuture<?> expiry;

    private IppServer(Channel channel, IppService service, EventLoopGroup boss, EventLoopGroup workers,
                      ExecutorService disk, boolean ownsThreads) {
        this.channel = channel;
        this.service = service;
        this.boss = boss;
        this.workers = workers;
        this.disk = disk;
        this.ownsThreads = ownsThreads;
        this.expiry = workers.next().scheduleAtFixedRate(this::expireOpenJobs, EXPIRY_PERIOD_SECONDS,
                EXPIRY_PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    /** Starts the door on its own threads, which {@link #close()} stops. */
    public static IppServer start(IppSettings settings, Printer printer, Spool spool) throws IOException {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("ipp-accept"),
                NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("ipp-io"),
                NioIoHandler.newFactory());
        ExecutorService disk = Executors.newFixedThreadPool(DISK_THREADS, new DefaultThreadFactory("ipp-disk", true));
        try {
            return bind(settings, printer, spool, boss, workers, disk, true);
        } catch (IOException | RuntimeException e) {
            boss.shutdownGracefully(0, SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
            disk.shutdownNow();
            throw e;
        }
    }

    /** Starts the door on threads someone else owns (the JSON port's); {@link #close()} leaves them running. */
    public static IppServer start(IppSettings settings, Printer printer, Spool spool, EventLoopGroup boss,
                                  EventLoopGroup workers, ExecutorService disk) throws IOException {
        return bind(settings, printer, spool, boss, workers, disk, false);
    }

    private static IppServer bind(IppSettings settings, Printer printer, Spool spool, EventLoopGroup boss,
                                  EventLoopGroup workers, ExecutorService disk, boolean owned) throws IOException {
        IppService service = new IppService(settings, printer, spool, disk, Clock.systemUTC());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childHandler(new IppInitializer(service));
        try {
            Channel channel = bootstrap.bind(settings.host(), settings.port()).syncUninterruptibly().channel();
            IppServer server = new IppServer(channel, service, boss, workers, disk, owned);
            LOG.info("IPP door listening on ipp://{}:{}{}", settings.host(), server.port(), IppUris.PRINTER_PATH);
            return server;
        } catch (Exception e) {
            throw new IOException("cannot listen for IPP on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
    }

    public int port() {
        return address().getPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    private void expireOpenJobs() {
        List<JobUpload> expired = service.context().openJobs().expire(service.context().clock().instant());
        abortAll(expired, "it got no document within multiple-operation-time-out");
    }

    private void abortAll(List<JobUpload> uploads, String why) {
        for (JobUpload upload : uploads) {
            LOG.warn("aborting IPP job {}: {}", upload.id(), why);
            try {
                disk.execute(upload::abort);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                upload.abort();
            }
        }
    }

    /** Stops listening, drops created jobs that never got their document, and stops owned threads. */
    @Override
    public void close() {
        expiry.cancel(false);
        channel.close().syncUninterruptibly();
        abortAll(service.context().openJobs().closeAll(), "the IPP door is closing");
        if (ownsThreads) {
            boss.shutdownGracefully(0, SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownGracefully(0, SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS).syncUninterruptibly();
            disk.shutdown();
            try {
                if (!disk.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    disk.shutdownNow();
                }
            } catch (InterruptedException e) {
                disk.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        LOG.info("IPP door closed");
    }
}
