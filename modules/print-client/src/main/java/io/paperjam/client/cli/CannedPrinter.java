package io.paperjam.client.cli;

import io.paperjam.protocol.ErrorCode;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.Json;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterState;
import io.paperjam.protocol.Protocol;
import io.paperjam.protocol.ProtocolException;
import io.paperjam.protocol.Reply;
import io.paperjam.protocol.Request;
import io.paperjam.protocol.RequestParser;
import io.paperjam.protocol.Supplies;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in printer on a loopback port for {@link CdsTraining}: one connection at a time, one
 * canned reply per request (status, jobs, submit), built from the protocol's own types so the
 * client decodes exactly what a real printer sends. Not a printer: it stores nothing.
 */
final class CannedPrinter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CannedPrinter.class);
    /** The longest request line read; the protocol's own header limit. */
    private static final int MAX_LINE_BYTES = Protocol.DEFAULT_MAX_HEADER_BYTES;
    /** The submit "sha256" value that announces a checksum line after the document. */
    private static final String CHECKSUM_TRAILER = "trailer";
    private static final Instant SUBMITTED = Instant.parse("2026-01-01T09:00:00Z");

    private static final PrinterInfo PRINTER = new PrinterInfo(PrinterState.PROCESSING, List.of("low-ink"),
            "ink is low", new Supplies(new Supplies.Paper(180, 250),
                    Map.of("black", 9, "cyan", 80, "magenta", 75, "yellow", 70)), 1, 1L);

    private final ServerSocket server;
    private final Thread thread;

    private CannedPrinter(ServerSocket server) {
        this.server = server;
        this.thread = new Thread(this::serve, "canned-printer");
        this.thread.setDaemon(true);
    }

    static CannedPrinter start() throws IOException {
        CannedPrinter printer = new CannedPrinter(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        printer.thread.start();
        return printer;
    }

    int port() {
        return server.getLocalPort();
    }

    /** The reply a printer with one job printing and low ink gives to {@code request}. */
    static Reply answer(Request request) {
        if (request instanceof Request.Submit submit) {
            return Reply.success().withJob(job(2, submit.name(), JobStatus.PENDING, submit.size())).withPrinter(PRINTER);
        }
        if (request instanceof Request.Status) {
            return Reply.success().withPrinter(PRINTER);
        }
        if (request instanceof Request.Jobs) {
            return Reply.success().withJobs(List.of(job(1, "report.pdf", JobStatus.PROCESSING, 48_213)))
                    .withPrinter(PRINTER);
        }
        return Reply.error(ErrorCode.UNKNOWN_OP, "this stand-in printer answers status, jobs and submit only");
    }

    private static JobInfo job(long id, String name, JobStatus state, long size) {
        return new JobInfo(id, name, "training", "text/plain", state, null, size, null, 1, 2,
                state == JobStatus.PROCESSING ? 1 : 0, SUBMITTED, SUBMITTED.plusSeconds(id));
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(new BufferedInputStream(socket.getInputStream()), socket.getOutputStream());
            } catch (IOException e) {
                LOG.debug("canned printer: connection ended", e);
            }
        }
    }

    private static void converse(InputStream in, OutputStream out) throws IOException {
        for (byte[] line = readLine(in); line != null; line = readLine(in)) {
            Reply reply;
            try {
                Request request = RequestParser.parse(line);
                if (request instanceof Request.Submit submit) {
                    in.skipNBytes(submit.size());
                    if (CHECKSUM_TRAILER.equals(submit.sha256())) {
                        readLine(in);
                    }
                }
                reply = answer(request);
            } catch (ProtocolException e) {
                reply = e.toReply();
            }
            out.write(Json.line(reply));
            out.flush();
        }
    }

    /** One line without its newline, or null at the end of the stream. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            if (line.size() == MAX_LINE_BYTES) {
                throw new IOException("request line over " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
        return line.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
