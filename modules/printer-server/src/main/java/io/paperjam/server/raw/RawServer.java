package io.paperjam.server.raw;

import io.paperjam.server.core.Printer;
import io.paperjam.server.door.DoorLimits;
import io.paperjam.server.door.DoorListener;
import io.paperjam.server.door.DoorServer;
import io.paperjam.server.door.DoorThreads;
import io.paperjam.spool.Spool;
import java.io.IOException;

/**
 * The raw "port 9100" front door (AppSocket / JetDirect): everything a connection sends until the
 * client ends its side (or goes idle) is one job, acknowledged by closing the connection once the
 * job is durable in the spool. What {@code nc -N host 9100 < file} and CUPS's {@code socket://} URI
 * speak.
 */
public final class RawServer extends DoorServer {

    /** The port printers listen on for raw jobs; we only bind it when asked to ({@code --raw-port}). */
    public static final int DEFAULT_PORT = 9100;

    private RawServer(DoorListener listener) {
        super(listener);
    }

    /** Listens on {@code host:port} (0: any free port) with threads of its own. */
    public static RawServer start(String host, int port, Printer printer, Spool spool, DoorLimits limits)
            throws IOException {
        return start(host, port, printer, spool, limits, DoorThreads.create("raw"));
    }

    /** Listens on {@code host:port} on the given threads (shared ones stay running after {@link #close()}). */
    public static RawServer start(String host, int port, Printer printer, Spool spool, DoorLimits limits,
                                  DoorThreads threads) throws IOException {
        RawInitializer pipeline = new RawInitializer(new RawContext(printer, spool, limits, threads.disk()));
        return new RawServer(DoorListener.bind("raw", host, port, threads, limits, pipeline));
    }
}
