package io.paperjam.server.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.PrinterState;
import io.paperjam.protocol.SupplyKind;
import io.paperjam.server.door.ClientTools;
import io.paperjam.server.door.DoorFixture;
import io.paperjam.server.door.DoorLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The raw port end to end: a real spool, an instant printer, real nc and plain sockets on loopback. */
@Timeout(60)
class RawServerTest {

    private static final String HOST = "127.0.0.1";

    @TempDir
    Path dir;

    private DoorFixture fixture;
    private RawServer raw;

    @BeforeEach
    void start() throws IOException {
        fixture = DoorFixture.open(dir);
    }

    @AfterEach
    void stop() throws IOException {
        if (raw != null) {
            raw.close();
        }
        fixture.close();
    }

    private void startRaw(DoorLimits limits) throws IOException {
        raw = RawServer.start(HOST, 0, fixture.printer, fixture.spool, limits);
    }

    @Test
    void netcatPrintsAFileWithTheRightPageCount() throws Exception {
        startRaw(DoorLimits.defaults());
        Path file = dir.resolve("three-pages.txt");
        Files.write(file, DoorFixture.textPages(3));

        ClientTools.Result nc = ClientTools.run(Files.readAllBytes(file), "nc", "-N", HOST,
                Integer.toString(raw.port()));

        assertEquals(0, nc.exitCode(), nc.output());
        JobInfo job = fixture.awaitJob(j -> j.state() == JobStatus.COMPLETED, "completed");
        assertEquals("raw job from 127.0.0.1", job.name());
        assertEquals(3, job.pages());
        assertEquals(3, job.pagesPrinted());
        assertEquals(Files.size(file), job.size());
        assertEquals("text/plain", job.format());
    }

    @Test
    void theJobIsDurableWhenTheServerClosesTheConnection() throws Exception {
        startRaw(DoorLimits.defaults());
        fixture.printer.setSupplies(0, null); // nothing prints, so the job stays in the queue
        byte[] pdf = minimalPdf();

        try (Socket socket = new Socket(HOST, raw.port())) {
            socket.getOutputStream().write(pdf);
            socket.shutdownOutput();
            assertEquals(-1, socket.getInputStream().read(), "the server closes once the job is queued");
        }

        JobInfo job = fixture.allJobs().get(0);
        assertEquals(pdf.length, job.size());
        assertEquals("application/pdf", job.format());
        assertTrue(Files.exists(fixture.spool.documentPath(job.id())));
    }

    @Test
    void aJobSentWhileOutOfPaperWaitsAndCompletesAfterRefill() throws Exception {
        startRaw(DoorLimits.defaults());
        fixture.printer.setSupplies(0, null);
        assertEquals(PrinterState.STOPPED, fixture.printer.status().state());
        assertTrue(fixture.printer.status().reasons().contains("paper-out"), fixture.printer.status().toString());

        sendAndHalfClose(DoorFixture.textPages(2));
        JobInfo waiting = fixture.awaitJob(j -> !j.state().isTerminal(), "queued");
        assertEquals(0, waiting.pagesPrinted());

        fixture.printer.refill(SupplyKind.PAPER);
        JobInfo done = fixture.awaitState(waiting.id(), JobStatus.COMPLETED);
        assertEquals(2, done.pagesPrinted());
    }

    @Test
    void anIdleConnectionEndsItsJobAsSent() throws Exception {
        startRaw(DoorLimits.defaults().withIdleTimeout(Duration.ofMillis(300)));
        byte[] half = "first half of a document that never ends\n".getBytes(StandardCharsets.US_ASCII);

        try (Socket socket = new Socket(HOST, raw.port())) {
            socket.getOutputStream().write(half);
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            assertEquals(-1, socket.getInputStream().read(), "the server ends the job and closes when idle");
        }

        JobInfo job = fixture.awaitJob(j -> j.state() == JobStatus.COMPLETED, "completed");
        assertEquals(half.length, job.size());
    }

    @Test
    void aDocumentOverTheLimitIsAbortedAndNothingIsQueued() throws Exception {
        startRaw(DoorLimits.defaults().withMaxDocumentBytes(10_000));

        try (Socket socket = new Socket(HOST, raw.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                for (int i = 0; i < 100; i++) {
                    out.write(new byte[1000]);
                }
                socket.shutdownOutput();
            } catch (IOException expected) {
                // the server may close before everything is written: that is the refusal
            }
            assertClosedByServer(socket.getInputStream());
        }

        assertEquals(0, fixture.allJobs().size(), "nothing is queued: " + fixture.allJobs());
        long deadline = System.nanoTime() + DoorFixture.WAIT.toNanos();
        while (fixture.spool.usage().jobs() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(10); // the abort runs on the disk executor, just after the close
        }
        assertEquals(0, fixture.spool.usage().jobs(), "no upload is left holding quota");
        try (Stream<Path> tmp = Files.list(fixture.spool.root().resolve("tmp"))) {
            assertEquals(0, tmp.count(), "the partial upload is deleted");
        }
    }

    @Test
    void aConnectionThatSendsNothingQueuesNothing() throws Exception {
        startRaw(DoorLimits.defaults());
        try (Socket socket = new Socket(HOST, raw.port())) {
            socket.shutdownOutput();
            socket.setSoTimeout(10_000);
            assertEquals(-1, socket.getInputStream().read());
        }
        assertEquals(0, fixture.allJobs().size());
    }

    @Test
    void manyConnectionsAtOnceEachBecomeOneJob() throws Exception {
        startRaw(DoorLimits.defaults());
        int clients = 8;
        Thread[] threads = new Thread[clients];
        for (int i = 0; i < clients; i++) {
            byte[] doc = DoorFixture.textPages(i + 1);
            threads[i] = new Thread(() -> {
                try {
                    sendAndHalfClose(doc);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join(20_000);
        }
        for (int i = 1; i <= clients; i++) {
            int pages = i;
            fixture.awaitJob(j -> j.state() == JobStatus.COMPLETED && j.pages() == pages, pages + "-page completed");
        }
        assertEquals(clients, fixture.allJobs().size());
    }

    private void sendAndHalfClose(byte[] document) throws IOException {
        try (Socket socket = new Socket(HOST, raw.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(document);
            socket.shutdownOutput();
            assertEquals(-1, socket.getInputStream().read());
        }
    }

    private static void assertClosedByServer(InputStream in) {
        try {
            assertEquals(-1, in.read());
        } catch (IOException reset) {
            // a reset is a close too
        }
    }

    static byte[] minimalPdf() {
        String pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return pdf.getBytes(StandardCharsets.US_ASCII);
    }
}
