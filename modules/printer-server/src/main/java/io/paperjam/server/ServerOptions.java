package io.paperjam.server;

import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.Protocol;
import io.paperjam.server.core.PrinterSettings;
import io.paperjam.server.core.WhenFaulted;
import io.paperjam.server.device.DeviceSettings;
import io.paperjam.server.device.FaultPlan;
import io.paperjam.server.device.Pacer;
import io.paperjam.server.ipp.IppSettings;
import io.paperjam.server.lpd.LpdServer;
import io.paperjam.server.raw.RawServer;
import io.paperjam.spool.SpoolSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine.Option;

/** The printer-server's command-line flags, and the {@link ServerSettings} they make. */
final class ServerOptions {

    /** The ink colour sets a device can have. */
    enum Colours { BLACK, CMYK }

    @Option(names = "--spool", paramLabel = "DIR", description = "spool folder, created if missing (default: ./spool)")
    Path spool = ServerSettings.DEFAULT_SPOOL_DIR;

    @Option(names = "--host", paramLabel = "HOST", description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host = ServerSettings.DEFAULT_HOST;

    @Option(names = "--port", paramLabel = "PORT", description = "JSON-header TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port = Protocol.DEFAULT_PORT;

    @Option(names = "--raw-port", paramLabel = "PORT", arity = "0..1", fallbackValue = "" + RawServer.DEFAULT_PORT,
            description = "also take raw \"port 9100\" jobs (nc, CUPS socket://) on PORT (default when given: ${FALLBACK-VALUE})")
    Integer rawPort;

    @Option(names = "--lpd-port", paramLabel = "PORT", arity = "0..1", fallbackValue = "" + LpdServer.DEFAULT_PORT,
            description = "also speak LPD (lpr, lpq, lprm) on PORT (default when given: ${FALLBACK-VALUE})")
    Integer lpdPort;

    @Option(names = "--ipp-port", paramLabel = "PORT", arity = "0..1", fallbackValue = "" + IppSettings.DEFAULT_PORT,
            description = "also speak IPP (ipptool, CUPS ipp://HOST:PORT/ipp/print) on PORT (default when given: ${FALLBACK-VALUE})")
    Integer ippPort;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "serve the JSON port over TLS with this PEM certificate (chain); needs --tls-key")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "the PEM private key (PKCS#8, not encrypted) of --tls-cert")
    Path tlsKey;

    @Option(names = "--tls-self-signed", description = "serve the JSON port over TLS with a self-signed certificate made once in <spool>/tls/ (for testing; clients pin it with --tls-trust <spool>/tls/cert.pem)")
    boolean tlsSelfSigned;

    @Option(names = "--ppm", paramLabel = "N", description = "pages per minute; 0 prints instantly (default: ${DEFAULT-VALUE})")
    double ppm = DeviceSettings.defaults().ppm();

    @Option(names = "--tray-capacity", paramLabel = "SHEETS", description = "sheets a full tray holds (default: ${DEFAULT-VALUE})")
    int trayCapacity = DeviceSettings.defaults().trayCapacity();

    @Option(names = "--paper", paramLabel = "SHEETS", description = "set the tray to this many sheets at start-up (default: keep the saved level, full on first start)")
    Integer paper;

    @Option(names = "--colours", paramLabel = "black|cmyk", description = "ink colours (default: ${DEFAULT-VALUE})")
    Colours colours = Colours.BLACK;

    @Option(names = "--ink", paramLabel = "PERCENT", description = "ink level of every cartridge on first start (default: ${DEFAULT-VALUE})")
    int ink = DeviceSettings.defaults().initialInkPercent();

    @Option(names = "--max-header-bytes", paramLabel = "SIZE", converter = SizeConverter.class, description = "longest request line (default: 64K)")
    long maxHeaderBytes = Protocol.DEFAULT_MAX_HEADER_BYTES;

    @Option(names = "--max-document-bytes", paramLabel = "SIZE", converter = SizeConverter.class, description = "largest document (default: 4G)")
    long maxDocumentBytes = ServerSettings.DEFAULT_MAX_DOCUMENT_BYTES;

    @Option(names = "--quota-bytes", paramLabel = "SIZE", converter = SizeConverter.class, description = "most bytes of queued and printing documents (default: 10G)")
    long quotaBytes = SpoolSettings.defaults().quotaBytes();

    @Option(names = "--quota-jobs", paramLabel = "N", description = "most queued and printing jobs (default: ${DEFAULT-VALUE})")
    int quotaJobs = SpoolSettings.defaults().quotaJobs();

    @Option(names = "--max-connections", paramLabel = "N", description = "most open connections (default: ${DEFAULT-VALUE})")
    int maxConnections = ServerSettings.DEFAULT_MAX_CONNECTIONS;

    @Option(names = "--idle-timeout", paramLabel = "TIME", converter = DurationConverter.class, description = "close connections silent this long, e.g. 90s, 2m (default: 2m)")
    Duration idleTimeout = ServerSettings.DEFAULT_IDLE_TIMEOUT;

    @Option(names = "--shutdown-grace", paramLabel = "TIME", converter = DurationConverter.class, description = "on SIGTERM, how long uploads in flight may take to finish (default: 10s)")
    Duration shutdownGrace = ServerSettings.DEFAULT_SHUTDOWN_GRACE;

    @Option(names = "--close-drain", paramLabel = "TIME", converter = DurationConverter.class, description = "on stop, how long small jobs still only in the journal are written out to queue/; the rest is queued again at the next start (default: 5s)")
    Duration closeDrain = SpoolSettings.DEFAULT_CLOSE_DRAIN;

    @Option(names = "--when-faulted", paramLabel = "queue|reject", description = "while a fault stops the printer: queue new jobs or refuse them (default: ${DEFAULT-VALUE})")
    WhenFaulted whenFaulted = WhenFaulted.QUEUE;

    @Option(names = "--fault", paramLabel = "NAME", converter = FaultConverter.class, description = "start with this fault set (repeatable): paper-out, no-ink, paper-jam, cover-open, offline")
    List<PrinterReason> faults = new ArrayList<>();

    @Option(names = "--fault-plan", paramLabel = "SPEC", description = "scripted fault (repeatable), e.g. paper-jam@job=2,page=3 or no-ink@sheets=40")
    List<String> faultPlan = new ArrayList<>();

    @Option(names = "--jam-rate", paramLabel = "P", description = "chance 0..1 that any page jams (default: ${DEFAULT-VALUE})")
    double jamRate;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the random jams; same seed, same jams (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--admin-token", paramLabel = "TOKEN", description = "admin token (default: read <spool>/token, generated on first start)")
    String adminToken;

    @Option(names = "--trust-loopback", negatable = true, fallbackValue = "true", description = "admin ops from 127.0.0.1/::1 need no token (default: ${DEFAULT-VALUE})")
    boolean trustLoopback = true;

    @Option(names = "--retain-jobs", paramLabel = "N", description = "finished jobs kept with their documents; older ones move to history.jsonl in batches, so up to N/8 more may stay a while (default: ${DEFAULT-VALUE})")
    int retainJobs = SpoolSettings.defaults().retainDoneJobs();

    @Option(names = "--retain-days", paramLabel = "DAYS", description = "finished jobs older than this lose their documents (default: ${DEFAULT-VALUE})")
    long retainDays = SpoolSettings.defaults().retainDoneAge().toDays();

    @Option(names = "--max-watch-backlog", paramLabel = "EVENTS", description = "unread events after which a watcher is dropped (default: ${DEFAULT-VALUE})")
    int maxWatchBacklog = ServerSettings.DEFAULT_MAX_WATCH_BACKLOG;

    @Option(names = "--disk-threads", paramLabel = "N", description = "threads doing spool writes and commits; also the most jobs one journal fsync can acknowledge together (default: ${DEFAULT-VALUE})")
    int diskThreads = ServerSettings.DEFAULT_DISK_THREADS;

    /** The settings these flags describe; throws IllegalArgumentException naming a bad value. */
    ServerSettings toSettings() {
        TlsSettings tls = tls();
        if (maxHeaderBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--max-header-bytes is too large: " + maxHeaderBytes);
        }
        DeviceSettings device = DeviceSettings.defaults()
                .withTrayCapacity(trayCapacity)
                .withColours(colours == Colours.CMYK ? DeviceSettings.CMYK : DeviceSettings.MONO)
                .withInitialInkPercent(ink)
                .withPpm(ppm);
        FaultPlan plan = FaultPlan.parse(faultPlan, jamRate, seed,
                faults.isEmpty() ? EnumSet.noneOf(PrinterReason.class) : EnumSet.copyOf(faults));
        PrinterSettings printer = PrinterSettings.defaults().withDevice(device).withWhenFaulted(whenFaulted)
                .withFaultPlan(plan).withPacer(ppm == 0 ? Pacer.instant() : Pacer.realTime());
        SpoolSettings spoolSettings = SpoolSettings.defaults().withQuotaBytes(quotaBytes).withQuotaJobs(quotaJobs)
                .withRetainDoneJobs(retainJobs).withRetainDoneAge(Duration.ofDays(retainDays)).withCloseDrain(closeDrain);
        return ServerSettings.defaults().withSpoolDir(spool).withHost(host).withPort(port)
                .withMaxHeaderBytes((int) maxHeaderBytes).withMaxDocumentBytes(maxDocumentBytes)
                .withMaxConnections(maxConnections).withIdleTimeout(idleTimeout).withShutdownGrace(shutdownGrace)
                .withAdminToken(adminToken).withSpool(spoolSettings).withPrinter(printer)
                .withTrustLoopback(trustLoopback).withMaxWatchBacklog(maxWatchBacklog)
                .withRawPort(rawPort).withLpdPort(lpdPort).withIppPort(ippPort).withTls(tls)
                .withDiskThreads(diskThreads);
    }

    private TlsSettings tls() {
        if (tlsSelfSigned) {
            if (tlsCert != null || tlsKey != null) {
                throw new IllegalArgumentException("--tls-self-signed makes its own certificate; drop --tls-cert and --tls-key");
            }
            return TlsSettings.selfSignedInSpool();
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("TLS needs both --tls-cert and --tls-key");
        }
        return tlsCert == null ? null : TlsSettings.files(tlsCert, tlsKey);
    }
}
