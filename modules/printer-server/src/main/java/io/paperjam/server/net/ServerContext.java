package io.paperjam.server.net;

import io.netty.channel.group.ChannelGroup;
import io.paperjam.server.ServerSettings;
import io.paperjam.server.core.Printer;
import io.paperjam.server.security.AdminGuard;
import io.paperjam.spool.Spool;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every connection of one server shares: settings, spool, printer, admin guard, the disk
 * executor, the open channels, and whether the server is shutting down.
 */
public final class ServerContext {

    private final ServerSettings settings;
    private final Spool spool;
    private final Printer printer;
    private final AdminGuard guard;
    private final Executor disk;
    private final ChannelGroup channels;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ReadAheadPool readAhead;

    public ServerContext(ServerSettings settings, Spool spool, Printer printer, AdminGuard guard,
                         Executor disk, ChannelGroup channels) {
        this.settings = settings;
        this.spool = spool;
        this.printer = printer;
        this.guard = guard;
        this.disk = disk;
        this.channels = channels;
        this.readAhead = new ReadAheadPool(settings.readAheadPoolBytes());
    }

    public ServerSettings settings() {
        return settings;
    }

    public Spool spool() {
        return spool;
    }

    public Printer printer() {
        return printer;
    }

    public AdminGuard guard() {
        return guard;
    }

    public Executor disk() {
        return disk;
    }

    /** Document bytes the JSON port's connections may hold beyond their own upload buffers. */
    ReadAheadPool readAhead() {
        return readAhead;
    }

    public ChannelGroup channels() {
        return channels;
    }

    /** True once the server stopped taking requests and lets uploads in flight finish. */
    public boolean draining() {
        return draining.get();
    }

    /** Tells every connection to finish its upload, if any, and close. */
    public void startDraining() {
        if (draining.compareAndSet(false, true)) {
            channels.forEach(channel -> channel.pipeline().fireUserEventTriggered(Drain.INSTANCE));
        }
    }

    /** The event that asks a connection to close as soon as it has no request in progress. */
    enum Drain {
        INSTANCE
    }
}
