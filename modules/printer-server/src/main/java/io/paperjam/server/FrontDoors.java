package io.paperjam.server;

import io.paperjam.server.core.Printer;
import io.paperjam.server.device.DeviceSettings;
import io.paperjam.server.door.DoorLimits;
import io.paperjam.server.door.DoorThreads;
import io.paperjam.server.ipp.IppServer;
import io.paperjam.server.ipp.IppSettings;
import io.paperjam.server.lpd.LpdServer;
import io.paperjam.server.raw.RawServer;
import io.paperjam.server.security.AdminGuard;
import io.paperjam.spool.Spool;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front doors beyond the JSON port that the settings open (raw, LPD, IPP), on the server's own
 * threads, with its host, limits and admin rules; all of them or none start.
 */
final class FrontDoors implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FrontDoors.class);

    private final RawServer raw;
    private final LpdServer lpd;
    private final IppServer ipp;

    private FrontDoors(RawServer raw, LpdServer lpd, IppServer ipp) {
        this.raw = raw;
        this.lpd = lpd;
        this.ipp = ipp;
    }

    /** Opens every door with a port in {@code settings}; if one cannot listen, closes those already open. */
    static FrontDoors open(ServerSettings settings, Printer printer, Spool spool, DoorThreads threads,
                           AdminGuard guard, String adminToken) throws IOException {
        RawServer raw = null;
        LpdServer lpd = null;
        IppServer ipp = null;
        try {
            DoorLimits limits = limits(settings);
            if (settings.rawPort() != null) {
                raw = RawServer.start(settings.host(), settings.rawPort(), printer, spool, limits, threads);
            }
            if (settings.lpdPort() != null) {
                lpd = LpdServer.start(settings.host(), settings.lpdPort(), printer, spool, limits, threads,
                        guard::trusts);
            }
            if (settings.ippPort() != null) {
                ipp = IppServer.start(ippSettings(settings, adminToken), printer, spool, threads.boss(),
                        threads.workers(), threads.disk());
            }
            return new FrontDoors(raw, lpd, ipp);
        } catch (IOException | RuntimeException e) {
            new FrontDoors(raw, lpd, ipp).close();
            throw e;
        }
    }

    /** The JSON port's limits, as every door enforces them. */
    static DoorLimits limits(ServerSettings settings) {
        return DoorLimits.defaults().withMaxDocumentBytes(settings.maxDocumentBytes())
                .withMaxConnections(settings.maxConnections()).withIdleTimeout(settings.idleTimeout())
                .withUploadBufferBytes(settings.uploadBufferBytes()).withShutdownGrace(settings.shutdownGrace());
    }

    /** The IPP door's settings: the server's host, limits and admin rules, and the device as IPP describes it. */
    static IppSettings ippSettings(ServerSettings settings, String adminToken) {
        DeviceSettings device = settings.printer().device();
        return IppSettings.defaults().withHost(settings.host()).withPort(settings.ippPort())
                .withMaxDocumentBytes(settings.maxDocumentBytes()).withMaxConnections(settings.maxConnections())
                .withIdleTimeout(settings.idleTimeout()).withTrustLoopback(settings.trustLoopback())
                .withAdminToken(adminToken).withUploadBufferBytes(settings.uploadBufferBytes())
                .withShutdownGrace(settings.shutdownGrace())
                // an instant device (0) still reports a positive speed, as IPP wants
                .withPagesPerMinute((int) Math.max(1, Math.round(device.ppm())))
                .withLowInkPercent(device.lowInkPercent());
    }

    Optional<RawServer> raw() {
        return Optional.ofNullable(raw);
    }

    Optional<LpdServer> lpd() {
        return Optional.ofNullable(lpd);
    }

    Optional<IppServer> ipp() {
        return Optional.ofNullable(ipp);
    }

    /** "127.0.0.1:9100 (raw), 127.0.0.1:5515 (lpd)" for the doors that listen; empty when none do. */
    List<String> describe() {
        List<String> doors = new ArrayList<>();
        raw().ifPresent(d -> doors.add(PrinterServer.describe(d.address()) + " (raw)"));
        lpd().ifPresent(d -> doors.add(PrinterServer.describe(d.address()) + " (lpd)"));
        ipp().ifPresent(d -> doors.add(PrinterServer.describe(d.address()) + " (ipp)"));
        return doors;
    }

    /**
     * Closes every open door at once, each letting its connections finish within the shutdown grace,
     * so the graces overlap instead of adding up.
     */
    @Override
    public void close() {
        List<Thread> closers = new ArrayList<>();
        closeAside("raw", raw, closers);
        closeAside("lpd", lpd, closers);
        closeAside("ipp", ipp, closers);
        for (Thread closer : closers) {
            try {
                closer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeAside(String name, AutoCloseable door, List<Thread> closers) {
        if (door == null) {
            return;
        }
        Thread closer = new Thread(() -> {
            try {
                door.close();
            } catch (Exception e) {
                LOG.warn("closing the {} door failed: {}", name, e.toString());
            }
        }, "paperjam-close-" + name);
        closer.start();
        closers.add(closer);
    }
}
