package io.paperjam.server.lpd;

import io.paperjam.server.core.Printer;
import io.paperjam.server.door.DoorLimits;
import io.paperjam.server.door.DoorListener;
import io.paperjam.server.door.DoorServer;
import io.paperjam.server.door.DoorThreads;
import io.paperjam.server.door.Peers;
import io.paperjam.spool.Spool;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.function.Predicate;

/**
 * The LPD front door (RFC 1179): {@code lpr} submits jobs, {@code lpq} lists the queue with the
 * printer's state and faults, {@code lprm} removes jobs. Any queue name is accepted (for example
 * {@code lp} or {@code paperjam}), since there is one printer. Held data files (sent before their
 * control file) wait in the spool's {@code tmp/} folder.
 */
public final class LpdServer extends DoorServer {

    /** LPD's own port is 515, which needs root; when enabled, paperjam listens here unless told otherwise. */
    public static final int DEFAULT_PORT = 5515;
    /** The spool's folder for unfinished uploads, which it empties at start-up. */
    private static final String SPOOL_TMP = "tmp";

    private LpdServer(DoorListener listener) {
        super(listener);
    }

    /** Listens on {@code host:port} (0: any free port) with threads of its own; 127.0.0.1 and ::1 may remove any job. */
    public static LpdServer start(String host, int port, Printer printer, Spool spool, DoorLimits limits)
            throws IOException {
        return start(host, port, printer, spool, limits, DoorThreads.create("lpd"), Peers::isLocal);
    }

    /**
     * Listens on {@code host:port} on the given threads (shared ones stay running after {@link #close()});
     * {@code trusted} peers may remove other users' jobs (pass the JSON port's admin guard).
     */
    public static LpdServer start(String host, int port, Printer printer, Spool spool, DoorLimits limits,
                                  DoorThreads threads, Predicate<SocketAddress> trusted) throws IOException {
        LpdContext door = new LpdContext(printer, spool, limits, threads.disk(), spool.root().resolve(SPOOL_TMP),
                trusted);
        return new LpdServer(DoorListener.bind("lpd", host, port, threads, limits, new LpdInitializer(door)));
    }
}
