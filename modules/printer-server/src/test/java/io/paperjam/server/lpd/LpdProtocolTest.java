package io.paperjam.server.lpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.server.door.DoorFixture;
import io.paperjam.server.door.DoorLimits;
import io.paperjam.server.door.DoorThreads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** RFC 1179 byte by byte against a real LPD door, real spool and instant printer. */
@Timeout(60)
class LpdProtocolTest {

    @TempDir
    Path dir;

    private DoorFixture fixture;
    private LpdServer lpd;

    @BeforeEach
    void start() throws IOException {
        fixture = DoorFixture.open(dir);
        lpd = LpdServer.start("127.0.0.1", 0, fixture.printer, fixture.spool,
                DoorLimits.defaults().withMaxDocumentBytes(100_000), DoorThreads.create("lpd-test"), peer -> false);
    }

    @AfterEach
    void stop() throws IOException {
        lpd.close();
        fixture.close();
    }

    private static String control(String dataFile, String user, String name) {
        return "Htesthost\nP" + user + "\nJ" + name + "\nN" + name + "\nl" + dataFile + "\nU" + dataFile + "\n";
    }

    @Test
    void controlFileFirstThenDataFile() throws Exception {
        byte[] doc = DoorFixture.textPages(2);
        byte[] cf = control("dfA001testhost", "alice", "report.txt").getBytes(StandardCharsets.US_ASCII);
        try (LpdWire lpr = new LpdWire(lpd.port())) {
            assertEquals(0, lpr.line(2, "lp").ack());
            assertEquals(0, lpr.line(2, cf.length + " cfA001testhost").ack());
            assertEquals(0, lpr.file(cf).ack());
            assertEquals(0, lpr.line(3, doc.length + " dfA001testhost").ack());
            assertEquals(0, lpr.file(doc).ack(), "acknowledged once the job is durable");
            assertTrue(fixture.printer.jobs(List.of(JobStatus.values()), 10).size() == 1,
                    "the job is queued by the time of the last ack");
        }
        JobInfo job = fixture.awaitJob(j -> j.state() == JobStatus.COMPLETED, "completed");
        assertEquals("report.txt", job.name());
        assertEquals("alice", job.user());
        assertEquals(2, job.pagesPrinted());
        assertEquals(doc.length, job.size());
    }

    @Test
    void dataFileFirstThenControlFile() throws Exception {
        byte[] doc = DoorFixture.textPages(3);
        byte[] cf = control("dfA002testhost", "bob", "memo.txt").getBytes(StandardCharsets.US_ASCII);
        try (LpdWire lpr = new LpdWire(lpd.port())) {
            assertEquals(0, lpr.line(2, "paperjam").ack());
            assertEquals(0, lpr.line(3, doc.length + " dfA002testhost").ack());
            assertEquals(0, lpr.file(doc).ack());
            assertEquals(0, fixture.allJobs().size(), "no job before the control file says what it is");
            assertEquals(0, lpr.line(2, cf.length + " cfA002testhost").ack());
            assertEquals(0, lpr.file(cf).ack());
            assertEquals(1, fixture.allJobs().size(), "queued by the time of the last ack");
        }
        JobInfo job = fixture.awaitJob(j -> j.state() == JobStatus.COMPLETED, "completed");
        assertEquals("memo.txt", job.name());
        assertEquals("bob", job.user());
        assertEquals(3, job.pagesPrinted());
        assertNoHeldFilesLeft();
    }

    @Test
    void repeatedPrintLinesAreCopies() throws Exception {
        byte[] doc = "one page\n".getBytes(StandardCharsets.US_ASCII);
        byte[] cf = "Hh\nPcarol\nJtwice\nldfA003h\nldfA003h\nldfA003h\n".getBytes(StandardCharsets.US_ASCII);
        try (LpdWire lpr = new LpdWire(lpd.port())) {
            lpr.line(2, "lp").ack();
            assertEquals(0, lpr.line(2, cf.length + " cfA003h").ack());
            assertEquals(0, lpr.file(cf).ack());
            assertEquals(0, lpr.line(3, doc.length + " dfA003h").ack());
            assertEquals(0, lpr.file(doc).ack());
        }
        JobInfo job = fixture.awaitJob(j -> j.state() == JobStatus.COMPLETED, "completed");
        assertEquals(3, job.copies());
        assertEquals("twice", job.name());
    }

    @Test
    void dataFileOfUnknownSizeEndsWithTheInput() throws Exception {
        byte[] doc = DoorFixture.textPages(2);
        byte[] cf = control("dfA004h", "dave", "(STDIN)").getBytes(StandardCharsets.US_ASCII);
        try (LpdWire lpr = new LpdWire(lpd.port())) {
            lpr.line(2, "lp").ack();
            assertEquals(0, lpr.line(2, cf.length + " cfA004h").ack());
            assertEquals(0, lpr.file(cf).ack());
            assertEquals(0, lpr.line(3, "0 dfA004h").ack());
            lpr.bytes(doc).shutdownOutput();
            assertEquals(0, lpr.ack(), "acknowledged after the commit");
            assertEquals(-1, lpr.ack());
        }
        JobInfo job = fixture.awaitJob(j -> j.state() == JobStatus.COMPLETED, "completed");
        assertEquals(doc.length, job.size());
    }

    @Test
    void abortThrowsAwayWhatTheConnectionSent() throws Exception {
        fixture.printer.setSupplies(0, null); // keep the queued job from finishing before the abort
        byte[] doc = DoorFixture.textPages(1);
        byte[] cf = control("dfA005h", "erin", "gone.txt").getBytes(StandardCharsets.US_ASCII);
        try (LpdWire lpr = new LpdWire(lpd.port())) {
            lpr.line(2, "lp").ack();
            lpr.line(2, cf.length + " cfA005h").ack();
            lpr.file(cf).ack();
            lpr.line(3, doc.length + " dfA005h").ack();
            assertEquals(0, lpr.file(doc).ack());
            lpr.line(1, "");
            lpr.shutdownOutput();
            assertEquals(-1, lpr.ack(), "abort is not acknowledged; the server closes");
        }
        JobInfo job = fixture.awaitJob(j -> j.state() == JobStatus.CANCELED, "canceled");
        assertEquals("gone.txt", job.name());
    }

    @Test
    void dataFilesWithoutAControlFileAreNotQueued() throws Exception {
        byte[] doc = DoorFixture.textPages(1);
        try (LpdWire lpr = new LpdWire(lpd.port())) {
            lpr.line(2, "lp").ack();
            assertEquals(0, lpr.line(3, doc.length + " dfA006h").ack());
            assertEquals(0, lpr.file(doc).ack());
            lpr.shutdownOutput();
            assertEquals(-1, lpr.ack());
        }
        Thread.sleep(200);
        assertEquals(0, fixture.allJobs().size());
        awaitNoHeldFilesLeft();
    }

    @Test
    void malformedCommandsGetANegativeAckAndTheServerCarriesOn() throws Exception {
        String[][] bad = {{"\u0007", "lp"}, {"G", "ET / HTTP/1.1"}};
        for (String[] line : bad) {
            try (LpdWire lpr = new LpdWire(lpd.port())) {
                assertEquals(1, lpr.line(line[0].charAt(0), line[1]).ack(), "refused: " + line[1]);
                assertEquals(-1, lpr.ack());
            }
        }
        try (LpdWire lpr = new LpdWire(lpd.port())) {
            lpr.line(2, "lp").ack();
            assertEquals(1, lpr.line(3, "lots dfA007h").ack(), "a size that is not a number");
        }
        try (LpdWire lpr = new LpdWire(lpd.port())) {
            lpr.line(2, "lp").ack();
            assertEquals(1, lpr.line(9, "12 dfA008h").ack(), "an unknown subcommand");
        }
        try (LpdWire lpr = new LpdWire(lpd.port())) {
            lpr.line(2, "lp").ack();
            assertEquals(0, lpr.line(3, "5 dfA009h").ack());
            assertEquals(1, lpr.bytes("12345X".getBytes(StandardCharsets.US_ASCII)).ack(), "no zero byte after the file");
        }
        try (LpdWire lpr = new LpdWire(lpd.port())) {
            assertEquals(1, lpr.bytes(new byte[5000]).ack(), "a line past the limit");
        }
        try (LpdWire lpr = new LpdWire(lpd.port())) {
            lpr.line(2, "lp").ack();
            assertEquals(1, lpr.line(3, "999999999 dfA010h").ack(), "over the document limit");
        }
        assertEquals(0, fixture.allJobs().size());
        controlFileFirstThenDataFile(); // and the door still prints
    }

    @Test
    void queueListingShowsJobsAndTheFault() throws Exception {
        fixture.printer.setFaults(List.of(PrinterReason.PAPER_OUT));
        byte[] doc = DoorFixture.textPages(1);
        byte[] cf = control("dfA011h", "frank", "queued.txt").getBytes(StandardCharsets.US_ASCII);
        try (LpdWire lpr = new LpdWire(lpd.port())) {
            lpr.line(2, "lp").ack();
            lpr.line(2, cf.length + " cfA011h").ack();
            lpr.file(cf).ack();
            lpr.line(3, doc.length + " dfA011h").ack();
            assertEquals(0, lpr.file(doc).ack());
        }
        long id = fixture.allJobs().get(0).id();
        String text;
        try (LpdWire lpq = new LpdWire(lpd.port())) {
            text = lpq.line(3, "lp").readAll();
        }
        assertTrue(text.contains("paper-out: the paper tray is empty"), text);
        assertTrue(text.contains("frank"), text);
        assertTrue(text.contains("queued.txt"), text);
        assertTrue(text.contains(" " + id + " "), text);
        assertTrue(text.contains(doc.length + " bytes"), text);

        try (LpdWire lpq = new LpdWire(lpd.port())) {
            text = lpq.line(4, "lp nobody").readAll();
        }
        assertTrue(text.contains("no entries"), "filtered by owner: " + text);
    }

    @Test
    void removeJobsOnlyForItsOwnerFromAnUntrustedPeer() throws Exception {
        fixture.printer.setSupplies(0, null);
        byte[] doc = DoorFixture.textPages(1);
        byte[] cf = control("dfA012h", "gina", "mine.txt").getBytes(StandardCharsets.US_ASCII);
        try (LpdWire lpr = new LpdWire(lpd.port())) {
            lpr.line(2, "lp").ack();
            lpr.line(2, cf.length + " cfA012h").ack();
            lpr.file(cf).ack();
            lpr.line(3, doc.length + " dfA012h").ack();
            assertEquals(0, lpr.file(doc).ack());
        }
        long id = fixture.allJobs().get(0).id();
        String text;
        try (LpdWire lprm = new LpdWire(lpd.port())) {
            text = lprm.line(5, "lp mallory " + id).readAll();
        }
        assertTrue(text.contains("permission denied"), text);
        assertEquals(JobStatus.PROCESSING_STOPPED == fixture.printer.job(id).orElseThrow().state()
                || JobStatus.PENDING == fixture.printer.job(id).orElseThrow().state(), true);

        try (LpdWire lprm = new LpdWire(lpd.port())) {
            text = lprm.line(5, "lp gina " + id).readAll();
        }
        assertTrue(text.contains("dequeued"), text);
        assertEquals(JobStatus.CANCELED, fixture.printer.job(id).orElseThrow().state());
    }

    private void assertNoHeldFilesLeft() throws IOException {
        try (Stream<Path> tmp = Files.list(fixture.spool.root().resolve("tmp"))) {
            assertEquals(0, tmp.filter(p -> p.getFileName().toString().startsWith("lpd-held-")).count());
        }
    }

    private void awaitNoHeldFilesLeft() throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Stream<Path> tmp = Files.list(fixture.spool.root().resolve("tmp"))) {
                if (tmp.noneMatch(p -> p.getFileName().toString().startsWith("lpd-held-"))) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        assertNoHeldFilesLeft();
    }
}
