package io.paperjam.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.paperjam.server.core.Printer;
import io.paperjam.server.door.DoorThreads;
import io.paperjam.server.ipp.IppServer;
import io.paperjam.server.lpd.LpdServer;
import io.paperjam.server.net.PrinterServerInitializer;
import io.paperjam.server.net.ServerContext;
import io.paperjam.server.security.AdminGuard;
import io.paperjam.server.raw.RawServer;
import io.paperjam.server.security.AdminToken;
import io.paperjam.spool.Spool;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The printer with its front doors: opens the spool, starts the {@link Printer} and listens on the
 * JSON-header port (over TLS when {@link ServerSettings#tls()} says so) and on every other door the
 * settings enable (raw, LPD, IPP), all on the same threads, limits and admin token.
 * {@link #close()} is graceful: it stops accepting, lets uploads in flight finish within
 * {@link ServerSettings#shutdownGrace()}, stops the printer after its current page and releases
 * the spool.
 */
public final class PrinterServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PrinterServer.class);

    private final ServerSettings settings;
    private final Spool spool;
    private final Printer printer;
    private final ExecutorService disk;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelGroup channels;
    private final ServerContext context;
    private final Channel listener;
    private final FrontDoors doors;
    private boolean closed;

    private PrinterServer(ServerSettings settings, Spool spool, Printer printer, ExecutorService disk,
                          EventLoopGroup boss, EventLoopGroup workers) throws IOException {
        this.settings = settings;
        this.spool = spool;
        this.printer = printer;
        this.disk = disk;
        this.boss = boss;
        this.workers = workers;
        this.channels = new DefaultChannelGroup("paperjam-connections", GlobalEventExecutor.INSTANCE);
        AdminToken token = settings.adminToken() != null
                ? AdminToken.of(settings.adminToken())
                : AdminToken.loadOrCreate(spool.root());
        this.context = new ServerContext(settings, spool, printer, new AdminGuard(token, settings.trustLoopback()),
                disk, channels);
        SslContext tls = settings.tls() == null ? null : ServerTls.context(settings.tls(), spool.root(), settings.host());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // a client may send its requests and shut its side (nc -N); it still gets every reply
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new PrinterServerInitializer(context, tls == null ? null
                        : () -> List.of(new PlaintextRefusal(), tls.newHandler(ByteBufAllocator.DEFAULT),
                                TlsFailureLog.INSTANCE)));
        try {
            this.listener = bootstrap.bind(settings.host(), settings.port()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding " + settings.host() + ":" + settings.port(), e);
        } catch (Exception e) {   // Netty rethrows bind failures (a BindException) unchecked
            throw new IOException("cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        try {
            this.doors = FrontDoors.open(settings, printer, spool, DoorThreads.shared(boss, workers, disk),
                    context.guard(), settings.adminToken() != null ? settings.adminToken() : tokenText(spool.root()));
        } catch (IOException | RuntimeException e) {
            listener.close().awaitUninterruptibly();
            throw e;
        }
    }

    /** The admin token the spool's token file holds, for the IPP door, which compares it itself. */
    private static String tokenText(Path spoolDir) throws IOException {
        return Files.readString(spoolDir.resolve(AdminToken.FILE_NAME), StandardCharsets.UTF_8).strip();
    }

    /** Opens the spool (recovering it), starts the printer and listens; fails if the port or spool is taken. */
    public static PrinterServer start(ServerSettings settings) throws IOException {
        Spool spool = Spool.open(settings.spoolDir(), settings.spool());
        Printer printer = null;
        ExecutorService disk = null;
        EventLoopGroup boss = null;
        EventLoopGroup workers = null;
        try {
            printer = Printer.start(spool, settings.printer());
            disk = Executors.newFixedThreadPool(settings.diskThreads(), new DefaultThreadFactory("paperjam-disk", true));
            boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("paperjam-accept"), NioIoHandler.newFactory());
            workers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("paperjam-io"), NioIoHandler.newFactory());
            PrinterServer server = new PrinterServer(settings, spool, printer, disk, boss, workers);
            log.info("paperjam printer listening on {}; spool {} ({} jobs queued)", server.describeDoors(),
                    settings.spoolDir(), printer.status().queued());
            return server;
        } catch (IOException | RuntimeException | Error e) {
            shutdown(boss, workers, disk, printer, spool);
            throw e;
        }
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return address().getPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    public Printer printer() {
        return printer;
    }

    /** The raw door's port, when it listens. */
    public Optional<Integer> rawPort() {
        return doors.raw().map(RawServer::port);
    }

    /** The LPD door's port, when it listens. */
    public Optional<Integer> lpdPort() {
        return doors.lpd().map(LpdServer::port);
    }

    /** The IPP door's port, when it listens. */
    public Optional<Integer> ippPort() {
        return doors.ipp().map(IppServer::port);
    }

    public Optional<IppServer> ipp() {
        return doors.ipp();
    }

    /** True when the JSON port speaks TLS. */
    public boolean tls() {
        return settings.tls() != null;
    }

    /**
     * "127.0.0.1:6310, json port; other doors: 127.0.0.1:9100 (raw)": every door that listens, the
     * JSON port first and followed by a comma (scripts and tests read its port from there).
     */
    public String describeDoors() {
        String json = describe(address()) + (tls() ? ", json port over TLS" : ", json port");
        List<String> others = doors.describe();
        return others.isEmpty() ? json : json + "; other doors: " + String.join(", ", others);
    }

    /** host:port, with brackets around an IPv6 address. */
    static String describe(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    public Path spoolDir() {
        return spool.root();
    }

    public ServerSettings settings() {
        return settings;
    }

    /** Stops accepting, lets uploads finish within the grace period, persists state and releases the spool. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("paperjam printer on port {} shutting down", port());
        listener.close().awaitUninterruptibly();
        // the other doors stop accepting and drain meanwhile, within the same grace
        Thread doorsClosing = new Thread(doors::close, "paperjam-close-doors");
        doorsClosing.start();
        context.startDraining();
        Duration grace = settings.shutdownGrace();
        if (!channels.newCloseFuture().awaitUninterruptibly(grace.toMillis())) {
            log.warn("{} connections still busy after {} s; closing them, their unfinished uploads are dropped",
                    channels.size(), grace.toSeconds());
        }
        channels.close().awaitUninterruptibly();
        try {
            doorsClosing.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutdown(boss, workers, disk, printer, spool);
        log.info("paperjam printer stopped; spool {} released", settings.spoolDir());
    }

    /** Releases in dependency order: network, then disk work, then the printer, then the spool. */
    private static void shutdown(EventLoopGroup boss, EventLoopGroup workers, ExecutorService disk,
                                 Printer printer, Spool spool) {
        if (boss != null) {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        if (workers != null) {   // first, so that closing connections can still queue their clean-up
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (disk != null) {
            disk.shutdown();
            try {
                if (!disk.awaitTermination(10, TimeUnit.SECONDS)) {
                    log.warn("disk work still running after 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (printer != null) {
            printer.close();
        }
        try {
            spool.close();
        } catch (IOException e) {
            log.warn("could not release the spool cleanly: {}", e.toString());
        }
    }
}
