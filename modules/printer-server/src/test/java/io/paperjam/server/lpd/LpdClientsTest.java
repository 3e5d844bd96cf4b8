package io.paperjam.server.lpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.SupplyKind;
import io.paperjam.server.door.ClientTools;
import io.paperjam.server.door.DoorFixture;
import io.paperjam.server.door.DoorLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LPD door with the real LPRng clients (lpr, lpq, lprm), as a user runs them:
 * {@code lpr -P lp@127.0.0.1%PORT file}.
 */
@Timeout(120)
class LpdClientsTest {

    @TempDir
    Path dir;

    private DoorFixture fixture;
    private LpdServer lpd;
    private String queue;

    @BeforeEach
    void start() throws IOException {
        fixture = DoorFixture.open(dir);
        lpd = LpdServer.start("127.0.0.1", 0, fixture.printer, fixture.spool, DoorLimits.defaults());
        queue = "lp@127.0.0.1%" + lpd.port();
    }

    @AfterEach
    void stop() throws IOException {
        lpd.close();
        fixture.close();
    }

    @Test
    void lprPrintsAFile() throws Exception {
        Path file = dir.resolve("report.txt");
        Files.write(file, DoorFixture.textPages(4));

        ClientTools.Result lpr = ClientTools.run(null, "lpr", "-U", "alice", "-P", queue, file.toString());

        assertEquals(0, lpr.exitCode(), lpr.output());
        JobInfo job = fixture.awaitJob(j -> j.state() == JobStatus.COMPLETED, "completed");
        assertEquals(file.toString(), job.name(), "LPRng names the job by the path it was given");
        assertEquals("alice", job.user());
        assertEquals(4, job.pagesPrinted());
        assertEquals(Files.size(file), job.size());
    }

    @Test
    void lprFromStandardInputWithoutASizePrints() throws Exception {
        byte[] doc = DoorFixture.textPages(2);

        ClientTools.Result lpr = ClientTools.run(doc, "lpr", "-k", "-J", "piped", "-P", queue);

        assertEquals(0, lpr.exitCode(), lpr.output());
        JobInfo job = fixture.awaitJob(j -> j.state() == JobStatus.COMPLETED, "completed");
        assertEquals("piped", job.name());
        assertEquals(doc.length, job.size());
        assertEquals(2, job.pagesPrinted());
    }

    @Test
    void lpqShowsTheQueuedJobAndThePaperOutFault() throws Exception {
        fixture.printer.setFaults(List.of(PrinterReason.PAPER_OUT));
        Path file = dir.resolve("waiting.txt");
        Files.write(file, DoorFixture.textPages(1));
        assertEquals(0, ClientTools.run(null, "lpr", "-U", "bob", "-P", queue, file.toString()).exitCode());
        JobInfo job = fixture.awaitJob(j -> !j.state().isTerminal(), "queued");

        ClientTools.Result lpq = ClientTools.run(null, "lpq", "-P", queue);

        assertEquals(0, lpq.exitCode(), lpq.output());
        assertTrue(lpq.output().contains("paper-out"), lpq.output());
        assertTrue(lpq.output().contains("the paper tray is empty"), lpq.output());
        assertTrue(lpq.output().contains("bob"), lpq.output());
        assertTrue(lpq.output().contains("waiting.txt"), lpq.output());
        assertTrue(lpq.output().contains(Long.toString(job.id())), lpq.output());

        fixture.printer.clearFaults(List.of(PrinterReason.PAPER_OUT));
        fixture.awaitState(job.id(), JobStatus.COMPLETED);
        ClientTools.Result after = ClientTools.run(null, "lpq", "-P", queue);
        assertFalse(after.output().contains("paper-out"), after.output());
        assertTrue(after.output().contains("no entries"), after.output());
    }

    @Test
    void aJobSentWhileOutOfPaperCompletesAfterRefill() throws Exception {
        fixture.printer.setSupplies(0, null);
        Path file = dir.resolve("later.txt");
        Files.write(file, DoorFixture.textPages(3));
        assertEquals(0, ClientTools.run(null, "lpr", "-P", queue, file.toString()).exitCode());
        JobInfo waiting = fixture.awaitJob(j -> !j.state().isTerminal(), "queued");

        fixture.printer.refill(SupplyKind.PAPER);

        assertEquals(3, fixture.awaitState(waiting.id(), JobStatus.COMPLETED).pagesPrinted());
    }

    @Test
    void lprmRemovesAQueuedJob() throws Exception {
        fixture.printer.setSupplies(0, null);
        Path file = dir.resolve("unwanted.txt");
        Files.writeString(file, "never printed\n", StandardCharsets.US_ASCII);
        assertEquals(0, ClientTools.run(null, "lpr", "-U", "carol", "-P", queue, file.toString()).exitCode());
        JobInfo job = fixture.awaitJob(j -> !j.state().isTerminal(), "queued");

        ClientTools.Result lprm = ClientTools.run(null, "lprm", "-U", "carol", "-P", queue, Long.toString(job.id()));

        assertEquals(0, lprm.exitCode(), lprm.output());
        assertEquals(JobStatus.CANCELED, fixture.awaitState(job.id(), JobStatus.CANCELED).state());
        assertTrue(ClientTools.run(null, "lpq", "-P", queue).output().contains("no entries"));
    }
}
