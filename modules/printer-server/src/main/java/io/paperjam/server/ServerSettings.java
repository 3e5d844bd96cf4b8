package io.paperjam.server;

import io.paperjam.protocol.Protocol;
import io.paperjam.server.core.PrinterSettings;
import io.paperjam.spool.SpoolSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link PrinterServer} needs to start: where the spool lives, where to listen, and
 * every limit the JSON front door enforces.
 *
 * @param spoolDir         the spool folder, created when missing
 * @param host             the address to listen on; loopback unless told otherwise
 * @param port             the JSON-header port; 0 picks any free port (see {@link PrinterServer#port()})
 * @param maxHeaderBytes   longest request line, newline included
 * @param maxDocumentBytes largest document a submit may declare
 * @param maxConnections   most connections open at once; the next one gets {@code busy}
 * @param idleTimeout      a connection without a request for this long is closed ({@code timeout})
 * @param shutdownGrace    how long {@link PrinterServer#close()} lets uploads in flight finish
 * @param adminToken       the admin token; null reads {@code <spool>/token} or generates it
 * @param spool            quotas and retention of the spool
 * @param printer          the simulated device, fault policy and pacing
 * @param trustLoopback    admin ops from 127.0.0.1 or ::1 need no token
 * @param maxWatchBacklog  events a watcher may leave unread before it is dropped
 * @param uploadBufferBytes document bytes one connection may hold in memory before reading pauses
 * @param readAheadPoolBytes document bytes that the JSON port's connections together may hold beyond their
 *                         {@code uploadBufferBytes}, at most a quarter of it each; 0 turns the pool off
 * @param rawPort          the raw "port 9100" door's port, 0 for any free one; null leaves the door shut
 * @param lpdPort          the LPD door's port, 0 for any free one; null leaves the door shut
 * @param ippPort          the IPP door's port, 0 for any free one; null leaves the door shut
 * @param tls              certificate and key of the JSON port's TLS; null for plain TCP
 * @param diskThreads      threads doing spool writes, commits and printer calls for every door, so the event
 *                         loops never wait for the disk; also the most commits in flight at once, hence the
 *                         most jobs one journal fsync can acknowledge together
 */
public record ServerSettings(Path spoolDir, String host, int port, int maxHeaderBytes,
                             long maxDocumentBytes, int maxConnections, Duration idleTimeout,
                             Duration shutdownGrace, String adminToken, SpoolSettings spool,
                             PrinterSettings printer, boolean trustLoopback, int maxWatchBacklog,
                             int uploadBufferBytes, long readAheadPoolBytes, Integer rawPort, Integer lpdPort, Integer ippPort,
                             TlsSettings tls, int diskThreads) {

    public static final Path DEFAULT_SPOOL_DIR = Path.of("spool");
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 4L << 30;
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_WATCH_BACKLOG = 1024;
    public static final int DEFAULT_UPLOAD_BUFFER_BYTES = 1 << 20;
    /**
     * A 1 GiB upload took 4.7-4.9 s with 1 MiB of read-ahead and 3.3-3.6 s with 8 MiB (no faster with 32): the
     * reader pauses less often for the disk thread. A pool, not 8 MiB per connection: 256 connections would
     * otherwise hold 2 GiB of direct memory.
     */
    public static final long DEFAULT_READ_AHEAD_POOL_BYTES = 32L << 20;
    /**
     * One per connection of a 64-connection load: 4 threads measured 1.8-2.3 ms of server CPU and 16 context
     * switches per 4 KiB job there, 64 threads 0.75-1.2 ms and 7 (fewer, larger journal fsync groups); an
     * idle thread costs only its stack.
     */
    public static final int DEFAULT_DISK_THREADS = 64;

    public ServerSettings {
        Objects.requireNonNull(spoolDir, "spoolDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(spool, "spool");
        Objects.requireNonNull(printer, "printer");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        atLeast(maxHeaderBytes, 2, "maxHeaderBytes");
        atLeast(maxDocumentBytes, 0, "maxDocumentBytes");
        atLeast(maxConnections, 1, "maxConnections");
        atLeast(maxWatchBacklog, 1, "maxWatchBacklog");
        atLeast(uploadBufferBytes, 1, "uploadBufferBytes");
        atLeast(readAheadPoolBytes, 0, "readAheadPoolBytes");
        atLeast(diskThreads, 1, "diskThreads");
        checkPort(rawPort, "rawPort");
        checkPort(lpdPort, "lpdPort");
        checkPort(ippPort, "ippPort");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must be positive and shutdownGrace not negative");
        }
        if (adminToken != null && adminToken.isBlank()) {
            throw new IllegalArgumentException("adminToken must not be blank");
        }
    }

    /** The settings of the shared contract; the newer limits take their defaults. */
    public ServerSettings(Path spoolDir, String host, int port, int maxHeaderBytes,
                          long maxDocumentBytes, int maxConnections, Duration idleTimeout,
                          Duration shutdownGrace, String adminToken, SpoolSettings spool,
                          PrinterSettings printer) {
        this(spoolDir, host, port, maxHeaderBytes, maxDocumentBytes, maxConnections, idleTimeout,
                shutdownGrace, adminToken, spool, printer, true, DEFAULT_MAX_WATCH_BACKLOG,
                DEFAULT_UPLOAD_BUFFER_BYTES, DEFAULT_READ_AHEAD_POOL_BYTES, null, null, null, null, DEFAULT_DISK_THREADS);
    }

    /** ./spool, 127.0.0.1:6310, 64 KiB lines, 4 GiB documents, 256 connections, 2 min idle. */
    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_SPOOL_DIR, DEFAULT_HOST, Protocol.DEFAULT_PORT,
                Protocol.DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_DOCUMENT_BYTES,
                DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT, DEFAULT_SHUTDOWN_GRACE, null,
                SpoolSettings.defaults(), PrinterSettings.defaults());
    }

    private static void checkPort(Integer port, String name) {
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException(name + " must be 0..65535: " + port);
        }
    }

    private static void atLeast(long value, long min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
        }
    }

    public ServerSettings withSpoolDir(Path v) {
        return new ServerSettings(v, host, port, maxHeaderBytes, maxDocumentBytes, maxConnections, idleTimeout, shutdownGrace, adminToken, spool, printer, trustLoopback, maxWatchBacklog, uploadBufferBytes, readAheadPoolBytes, rawPort, lpdPort, ippPort, tls, diskThreads);
    }

    public ServerSettings withHost(String v) {
        return new ServerSettings(spoolDir, v, port, maxHeaderBytes, maxDocumentBytes, maxConnections, idleTimeout, shutdownGrace, adminToken, spool, printer, trustLoopback, maxWatchBacklog, uploadBufferBytes, readAheadPoolBytes, rawPort, lpdPort, ippPort, tls, diskThreads);
    }

    public ServerSettings withPort(int v) {
        return new ServerSettings(spoolDir, host, v, maxHeaderBytes, maxDocumentBytes, maxConnections, idleTimeout, shutdownGrace, adminToken, spool, printer, trustLoopback, maxWatchBacklog, uploadBufferBytes, readAheadPoolBytes, rawPort, lpdPort, ippPort, tls, diskThreads);
    }

    public ServerSettings withMaxHeaderBytes(int v) {
        return new ServerSettings(spoolDir, host, port, v, maxDocumentBytes, maxConnections, idleTimeout, shutdownGrace, adminToken, spool, printer, trustLoopback, maxWatchBacklog, uploadBufferBytes, readAheadPoolBytes, rawPort, lpdPort, ippPort, tls, diskThreads);
    }

    public ServerSettings withMaxDocumentBytes(long v) {
        return new ServerSettings(spoolDir, host, port, maxHeaderBytes, v, maxConnections, idleTimeout, shutdownGrace, adminToken, spool, printer, trustLoopback, maxWatchBacklog, uploadBufferBytes, readAheadPoolBytes, rawPort, lpdPort, ippPort, tls, diskThreads);
    }

    public ServerSettings withMaxConnections(int v) {
        return new ServerSettings(spoolDir, host, port, maxHeaderBytes, maxDocumentBytes, v, idleTimeout, shutdownGrace, adminToken, spool, printer, trustLoopback, maxWatchBacklog, uploadBufferBytes, readAheadPoolBytes, rawPort, lpdPort, ippPort, tls, diskThreads);
    }

    public ServerSettings withIdleTimeout(Duration v) {
        return new ServerSettings(spoolDir, host, port, maxHeaderBytes, maxDocumentBytes, maxConnections, v, shutdownGrace, adminToken, spool, printer, trustLoopback, maxWatchBacklog, uploadBufferBytes, readAheadPoolBytes, rawPort, lpdPort, ippPort, tls, diskThreads);
    }

    public ServerSettings withShutdownGrace(Duration v) {
        return new ServerSettings(spoolDir, host, port, maxHeaderBytes, maxDocumentBytes, maxConnections, idleTimeout, v, adminToken, spool, printer, trustLoopback, maxWatchBacklog, uploadBufferBytes, readAheadPoolBytes, rawPort, lpdPort, ippPort, tls, diskThreads);
    }

    public ServerSettings withAdminToken(String v) {
        return new ServerSettings(spoolDir, host, port, maxHeaderBytes, maxDocumentBytes, maxConnections, idleTimeout, shutdownGrace, v, spool, printer, trustLoopback, maxWatchBacklog, uploadBufferBytes, readAheadPoolBytes, rawPort, lpdPort, ippPort, tls, diskThreads);
    }

    public ServerSettings withSpool(SpoolSettings v) {
        return new ServerSettings(spoolDir, host, port, maxHeaderBytes, maxDocumentBytes, maxConnections, idleTimeout, shutdownGrace, adminToken, v, printer, trustLoopback, maxWatchBacklog, uploadBufferBytes, readAheadPoolBytes, rawPort, lpdPort, ippPort, tls, diskThreads);
    }

    public ServerSettings withPrinter(PrinterSettings v) {
        return new ServerSettings(spoolDir, host, port, maxHeaderBytes, maxDocumentBytes, maxConnections, idleTimeout, shutdownGrace, adminToken, spool, v, trustLoopback, maxWatchBacklog, uploadBufferBytes, readAheadPoolBytes, rawPort, lpdPort, ippPort, tls, diskThreads);
    }

    public ServerSettings withTrustLoopback(boolean v) {
        return new ServerSettings(spoolDir, host, port, maxHeaderBytes, maxDocumentBytes, maxConnections, idleTimeout, shutdownGrace, adminToken, spool, printer, v, maxWatchBacklog, uploadBufferBytes, readAheadPoolBytes, rawPort, lpdPort, ippPort, tls, diskThreads);
    }

    public ServerSettings withMaxWatchBacklog(int v) {
        return new ServerSettings(spoolDir, host, port, maxHeaderBytes, maxDocumentBytes, maxConnections, idleTimeout, shutdownGrace, adminToken, spool, printer, trustLoopback, v, uploadBufferBytes, readAheadPoolBytes, rawPort, lpdPort, ippPort, tls, diskThreads);
    }

    public ServerSettings withUploadBufferBytes(int v) {
        return new ServerSettings(spoolDir, host, port, maxHeaderBytes, maxDocumentBytes, maxConnections, idleTimeout, shutdownGrace, adminToken, spool, printer, trustLoopback, maxWatchBacklog, v, readAheadPoolBytes, rawPort, lpdPort, ippPort, tls, diskThreads);
    }

    public ServerSettings withReadAheadPoolBytes(long v) {
        return new ServerSettings(spoolDir, host, port, maxHeaderBytes, maxDocumentBytes, maxConnections, idleTimeout, shutdownGrace, adminToken, spool, printer, trustLoopback, maxWatchBacklog, uploadBufferBytes, v, rawPort, lpdPort, ippPort, tls, diskThreads);
    }

    /** Opens the raw door on this port (0: any free one); null keeps it shut. */
    public ServerSettings withRawPort(Integer v) {
        return new ServerSettings(spoolDir, host, port, maxHeaderBytes, maxDocumentBytes, maxConnections, idleTimeout, shutdownGrace, adminToken, spool, printer, trustLoopback, maxWatchBacklog, uploadBufferBytes, readAheadPoolBytes, v, lpdPort, ippPort, tls, diskThreads);
    }

    /** Opens the LPD door on this port (0: any free one); null keeps it shut. */
    public ServerSettings withLpdPort(Integer v) {
        return new ServerSettings(spoolDir, host, port, maxHeaderBytes, maxDocumentBytes, maxConnections, idleTimeout, shutdownGrace, adminToken, spool, printer, trustLoopback, maxWatchBacklog, uploadBufferBytes, readAheadPoolBytes, rawPort, v, ippPort, tls, diskThreads);
    }

    /** Opens the IPP door on this port (0: any free one); null keeps it shut. */
    public ServerSettings withIppPort(Integer v) {
        return new ServerSettings(spoolDir, host, port, maxHeaderBytes, maxDocumentBytes, maxConnections, idleTimeout, shutdownGrace, adminToken, spool, printer, trustLoopback, maxWatchBacklog, uploadBufferBytes, readAheadPoolBytes, rawPort, lpdPort, v, tls, diskThreads);
    }

    /** Serves the JSON port over TLS with this certificate and key; null for plain TCP. */
    public ServerSettings withTls(TlsSettings v) {
        return new ServerSettings(spoolDir, host, port, maxHeaderBytes, maxDocumentBytes, maxConnections, idleTimeout, shutdownGrace, adminToken, spool, printer, trustLoopback, maxWatchBacklog, uploadBufferBytes, readAheadPoolBytes, rawPort, lpdPort, ippPort, v, diskThreads);
    }

    public ServerSettings withDiskThreads(int v) {
        return new ServerSettings(spoolDir, host, port, maxHeaderBytes, maxDocumentBytes, maxConnections, idleTimeout, shutdownGrace, adminToken, spool, printer, trustLoopback, maxWatchBacklog, uploadBufferBytes, readAheadPoolBytes, rawPort, lpdPort, ippPort, tls, v);
    }
}
