package io.paperjam.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.protocol.Event;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.PrinterState;
import io.paperjam.protocol.SupplyKind;
import io.paperjam.server.device.FaultPlan;
import io.paperjam.spool.JobHeader;
import io.paperjam.spool.JobRecord;
import io.paperjam.spool.JobState;
import io.paperjam.spool.JobUpload;
import io.paperjam.spool.Spool;
import io.paperjam.spool.SpoolSettings;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrinterRestartTest {

    @TempDir
    Path dir;

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void shutdownMidJobResumesFromThePageReachedAndQueuedJobsFollow() throws Exception {
        GatePacer gate = new GatePacer();
        PrinterSettings slow = PrinterHarness.instant().withPacer(gate)
                .withDevice(PrinterHarness.instant().device().withPpm(20));
        long interrupted;
        long waiting;
        try (PrinterHarness h = PrinterHarness.start(dir, slow)) {
            interrupted = h.submit("long", 10, 1);
            waiting = h.submit("next", 2, 1);
            gate.release(4);
            h.await("page 4", e -> Event.TYPE_PAGE.equals(e.event()) && e.page() == 4);
            for (int i = 0; i < 5; i++) {
                gate.awaitSheet(); // pages 1-4 went through, page 5 is in the printer
            }
        } // close: the sheet in the printer is abandoned, the job goes back to the queue
        try (Spool spool = Spool.open(dir, SpoolSettings.defaults())) {
            JobRecord record = spool.find(interrupted).orElseThrow();
            assertEquals(JobState.QUEUED, record.state());
            assertEquals(4, record.pagesDone());
        }
        try (PrinterHarness h = PrinterHarness.start(dir, PrinterHarness.instant())) {
            h.awaitJob(interrupted, JobStatus.COMPLETED);
            h.awaitJob(waiting, JobStatus.COMPLETED);
            assertEquals(range(5, 10), h.pages(interrupted), "pages 1-4 are not printed again");
            assertEquals(range(1, 2), h.pages(waiting));
        }
    }

    @Test
    void aJobActiveAtACrashResumesFromItsRecordedPage() throws Exception {
        long id;
        try (Spool spool = Spool.open(dir, SpoolSettings.defaults())) {
            JobRecord committed;
            try (JobUpload upload = spool.begin(JobHeader.of("crashed").withPages(8))) {
                upload.write(ByteBuffer.wrap("data".getBytes()));
                committed = upload.commit();
            }
            id = committed.id();
            spool.activate(id);
            spool.progress(id, 3);
        } // no printer.close(): the job is left active, as after a crash
        try (PrinterHarness h = PrinterHarness.start(dir, PrinterHarness.instant())) {
            h.awaitJob(id, JobStatus.COMPLETED);
            assertEquals(range(4, 8), h.pages(id));
        }
    }

    @Test
    void deviceStateSurvivesARestart() throws Exception {
        try (PrinterHarness h = PrinterHarness.start(dir, PrinterHarness.instant())) {
            h.printer.setSupplies(0, Map.of("black", 40));
            h.printer.setFaults(List.of(PrinterReason.COVER_OPEN));
            h.printer.pause();
            h.submit("waits", 2, 1);
        }
        assertTrue(Files.readString(dir.resolve("printer.json")).contains("cover-open"));
        try (PrinterHarness h = PrinterHarness.start(dir, PrinterHarness.instant())) {
            PrinterInfo status = h.printer.status();
            assertEquals(PrinterState.STOPPED, status.state());
            assertEquals(List.of("paper-out", "cover-open", "paused"), status.reasons());
            assertEquals(0, status.supplies().paper().sheets());
            assertEquals(Map.of("black", 40), status.supplies().ink());
            assertEquals(1, status.queued());
            h.printer.refill(SupplyKind.PAPER);
            h.printer.clearFaults(List.of(PrinterReason.COVER_OPEN));
            h.printer.resume();
            h.awaitJob(1, JobStatus.COMPLETED);
            assertEquals(PrinterState.IDLE, h.printer.status().state());
        }
    }

    @Test
    void initialFaultsHoldJobsPendingUntilCleared() throws Exception {
        PrinterSettings settings = PrinterHarness.instant()
                .withFaultPlan(FaultPlan.parse(List.of(), 0, 0, Set.of(PrinterReason.OFFLINE)));
        try (PrinterHarness h = PrinterHarness.start(dir, settings)) {
            assertEquals(List.of("offline"), h.printer.faults());
            long id = h.submit("held", 1, 1);
            assertEquals(JobStatus.PENDING, h.printer.job(id).orElseThrow().state());
            assertEquals(1, h.printer.status().queued());
            assertEquals(List.of(id), h.printer.jobs(null, 0).stream().map(j -> j.id()).toList());
            h.printer.clearFaults(List.of(PrinterReason.OFFLINE));
            h.awaitJob(id, JobStatus.COMPLETED);
            assertEquals(List.of(), h.printer.jobs(null, 0), "finished jobs are not listed by default");
            assertEquals(1, h.printer.jobs(List.of(JobStatus.COMPLETED), 5).size());
        }
    }

    @Test
    void rejectPolicyRefusesWhileAFaultStandsButNotWhilePaused() throws Exception {
        try (PrinterHarness h = PrinterHarness.start(dir, PrinterHarness.instant().withWhenFaulted(WhenFaulted.REJECT))) {
            assertTrue(h.printer.refusal().isEmpty());
            h.printer.pause();
            assertTrue(h.printer.refusal().isEmpty(), "paused alone does not reject");
            h.printer.setSupplies(0, null);
            assertEquals(PrinterReason.PAPER_OUT, h.printer.refusal().orElseThrow());
            h.printer.refill(SupplyKind.ALL);
            assertTrue(h.printer.refusal().isEmpty());
        }
        Files.delete(dir.resolve("printer.json"));
        try (PrinterHarness h = PrinterHarness.start(dir, PrinterHarness.instant())) {
            h.printer.setFaults(List.of(PrinterReason.PAPER_JAM));
            assertTrue(h.printer.refusal().isEmpty(), "the queue policy accepts jobs while faulted");
        }
    }

    @Test
    void anUnreadableStateFileStartsAFreshDevice() throws Exception {
        Files.createDirectories(dir);
        try (PrinterHarness h = PrinterHarness.start(dir, PrinterHarness.instant())) {
            h.printer.setSupplies(3, null);
        }
        Files.writeString(dir.resolve("printer.json"), "{ not json");
        try (PrinterHarness h = PrinterHarness.start(dir, PrinterHarness.instant())) {
            assertEquals(1000, h.printer.status().supplies().paper().sheets());
        }
    }
}
