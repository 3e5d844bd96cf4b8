package io.paperjam.client;

import io.paperjam.protocol.ChecksumTrailer;
import io.paperjam.protocol.FaultAction;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.Json;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.Reply;
import io.paperjam.protocol.Request;
import io.paperjam.protocol.SuppliesAction;
import io.paperjam.protocol.SupplyKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of one paperjam printer over its JSON-header port: one connection, requests in
 * sequence, each answered by one reply line. Server errors are thrown as {@link PrinterException}
 * with the stable code; transport trouble as {@link PrinterConnectException} or
 * {@link PrinterTimeoutException}. After a transport error the connection is dropped and the next
 * request opens a new one. Not thread-safe: use one client per thread.
 *
 * <pre>{@code
 * try (PrintClient printer = PrintClient.connect(ClientSettings.defaults())) {
 *     Submission s = printer.submit(Path.of("report.pdf"), SubmitOptions.defaults());
 *     System.out.println("job " + s.job().id() + ", printer " + s.printer().state());
 * }
 * }</pre>
 */
public final class PrintClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrintClient.class);

    private final ClientSettings settings;
    private Connection connection;

    private PrintClient(ClientSettings settings, Connection connection) {
        this.settings = settings;
        this.connection = connection;
    }

    /** Connects now, so that an unreachable printer is reported before any work is done. */
    public static PrintClient connect(ClientSettings settings) throws PrintClientException {
        return new PrintClient(settings, Connection.open(Objects.requireNonNull(settings, "settings")));
    }

    public ClientSettings settings() {
        return settings;
    }

    /**
     * Submits a file, with its SHA-256 so the printer verifies it, and its format detected when not given. The
     * file is read once: unless the options carry a digest, it is hashed while it is sent and the digest follows
     * the document as a checksum trailer.
     */
    public Submission submit(Path file, SubmitOptions options, ProgressListener progress) throws IOException {
        SubmitOptions o = options == null ? SubmitOptions.defaults() : options;
        if (o.name() == null) {
            o = o.withName(file.getFileName() == null ? file.toString() : file.getFileName().toString());
        }
        if (o.format() == null) {
            o = o.withFormat(DocumentFormats.detect(file));
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            if (o.sha256() != null) {
                return submit(o, size, c -> new DocumentUpload(c, progress).sendFile(in, size, null), null);
            }
            MessageDigest digest = Sha256.newDigest();
            return submit(o.withSha256(Request.Submit.SHA256_TRAILER), size,
                    c -> new DocumentUpload(c, progress).sendFile(in, size, digest), digest);
        }
    }

    public Submission submit(Path file, SubmitOptions options) throws IOException {
        return submit(file, options, ProgressListener.NONE);
    }

    /** Submits exactly {@code size} bytes read from {@code in}; the name defaults to "document". */
    public Submission submit(InputStream in, long size, SubmitOptions options, ProgressListener progress)
            throws PrintClientException {
        SubmitOptions o = options == null ? SubmitOptions.defaults() : options;
        return submit(o, size, c -> new DocumentUpload(c, progress).send(in, size), null);
    }

    /** Sends a document body; returns the printer's early answer, or null when the whole body went out. */
    @FunctionalInterface
    private interface Body {
        byte[] send(Connection connection) throws PrintClientException;
    }

    /** Sends the submit line, the body and, when {@code trailer} is not null, its digest as the checksum trailer. */
    private Submission submit(SubmitOptions o, long size, Body body, MessageDigest trailer)
            throws PrintClientException {
        Request.Submit request = new Request.Submit(o.name() == null ? "document" : o.name(), size,
                o.format(), o.copies(), o.pages(), o.user() != null ? o.user() : settings.user(), o.sha256());
        Connection c = connection();
        try {
            c.send(Json.line(request));
            byte[] early = body.send(c);
            if (early != null) {
                LOG.debug("the printer answered before the whole document was sent");
                drop();
            } else if (trailer != null) {
                c.send(new ChecksumTrailer(HexFormat.of().formatHex(trailer.digest())).line());
            }
            Reply reply = Replies.expectOk(early != null ? early : c.readLine());
            return new Submission(reply.job(), reply.printer(), reply.message());
        } catch (PrinterException e) {
            throw e;
        } catch (PrintClientException e) {
            drop();
            throw e;
        }
    }

    public PrinterInfo status() throws PrintClientException {
        return call(new Request.Status()).printer();
    }

    /** Jobs, oldest first; {@code states} null means those not finished yet, {@code limit} null the server's default. */
    public List<JobInfo> jobs(List<JobStatus> states, Integer limit) throws PrintClientException {
        List<JobInfo> jobs = call(new Request.Jobs(states == null ? null : List.copyOf(states), limit)).jobs();
        return jobs == null ? List.of() : jobs;
    }

    public JobInfo job(long id) throws PrintClientException {
        return call(new Request.Job(id)).job();
    }

    public JobInfo cancel(long id) throws PrintClientException {
        return call(new Request.Cancel(id, settings.user(), settings.token())).job();
    }

    public FaultReport faults() throws PrintClientException {
        return faultCall(new Request.Fault(FaultAction.LIST, null, null, null));
    }

    public FaultReport setFaults(Collection<PrinterReason> faults) throws PrintClientException {
        return faultCall(new Request.Fault(FaultAction.SET, List.copyOf(faults), null, settings.token()));
    }

    public FaultReport clearFaults(Collection<PrinterReason> faults) throws PrintClientException {
        return faultCall(new Request.Fault(FaultAction.CLEAR, List.copyOf(faults), null, settings.token()));
    }

    public FaultReport clearAllFaults() throws PrintClientException {
        return faultCall(new Request.Fault(FaultAction.CLEAR, null, true, settings.token()));
    }

    public PrinterInfo refill(SupplyKind what) throws PrintClientException {
        return call(new Request.SuppliesChange(SuppliesAction.REFILL, what, null, null, settings.token())).printer();
    }

    /** Sets the tray to {@code paper} sheets and ink levels in percent (key "*" for every colour); either may be null. */
    public PrinterInfo setSupplies(Integer paper, Map<String, Integer> ink) throws PrintClientException {
        return call(new Request.SuppliesChange(SuppliesAction.SET, null, paper,
                ink == null ? null : Map.copyOf(ink), settings.token())).printer();
    }

    public PrinterInfo pause() throws PrintClientException {
        return call(new Request.Pause(settings.token())).printer();
    }

    public PrinterInfo resume() throws PrintClientException {
        return call(new Request.Resume(settings.token())).printer();
    }

    /** Opens a second connection that streams every later event; this client stays usable. */
    public Watch watch() throws PrintClientException {
        return Watch.open(settings);
    }

    /** Calls {@code listener} for every later event on a background thread until the returned watch is closed. */
    public Watch watch(Consumer<io.paperjam.protocol.Event> listener) throws PrintClientException {
        Watch watch = Watch.open(settings);
        watch.listen(listener);
        return watch;
    }

    /** Sends any request and returns its successful reply; the escape hatch for ops this class has no method for. */
    public Reply call(Request request) throws PrintClientException {
        Connection c = connection();
        try {
            c.send(Json.line(request));
            return Replies.expectOk(c.readLine());
        } catch (PrinterException e) {
            throw e;
        } catch (PrintClientException e) {
            drop();
            throw e;
        }
    }

    @Override
    public void close() {
        drop();
    }

    private FaultReport faultCall(Request.Fault request) throws PrintClientException {
        Reply reply = call(request);
        return new FaultReport(reply.faults(), reply.printer());
    }

    private Connection connection() throws PrintClientException {
        if (connection != null && connection.hasInput()) {
            // nothing is owed to us between requests: this is the server closing an idle connection
            // (a timeout or busy line), so start afresh rather than take it as the next reply
            LOG.debug("the printer spoke unasked on an idle connection; reconnecting");
            drop();
        }
        if (connection == null) {
            connection = Connection.open(settings);
        }
        return connection;
    }

    /** Forgets a connection whose stream may be out of step with its requests. */
    private void drop() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
