package io.paperjam.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.protocol.Event;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.PrinterState;
import io.paperjam.protocol.SupplyKind;
import io.paperjam.server.device.FaultPlan;
import io.paperjam.spool.JobOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerTest {

    @TempDir
    Path dir;

    private static List<Integer> oneTo(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    private static FaultPlan script(String... faults) {
        return FaultPlan.parse(List.of(faults), 0, 0, Set.of());
    }

    @Test
    void fiveHundredPagesWithAJamOnPageThreePrintEveryPageOnce() throws Exception {
        PrinterSettings settings = PrinterHarness.instant().withFaultPlan(script("paper-jam@job=1,page=3"));
        try (PrinterHarness h = PrinterHarness.start(dir, settings)) {
            long started = System.nanoTime();
            long id = h.submit("big.pdf", 500, 1);
            JobInfo stopped = h.awaitJob(id, JobStatus.PROCESSING_STOPPED);
            assertEquals("paper-jam", stopped.reason());
            assertEquals(2, stopped.pagesPrinted());
            PrinterInfo status = h.printer.status();
            assertEquals(PrinterState.STOPPED, status.state());
            assertEquals(List.of("paper-jam"), status.reasons());
            assertEquals("paper-jam: paper is jammed in the printer", status.message());
            assertEquals(id, status.printing());
            assertEquals(JobStatus.PROCESSING_STOPPED, h.printer.job(id).orElseThrow().state());

            h.printer.clearFaults(List.of(PrinterReason.PAPER_JAM));
            JobInfo done = h.awaitJob(id, JobStatus.COMPLETED);
            assertEquals(500, done.pagesPrinted());
            assertEquals(oneTo(500), h.pages(id));
            assertEquals(500, h.printer.status().supplies().paper().sheets());
            assertTrue(System.nanoTime() - started < 10_000_000_000L, "instant printing takes no real time");
        }
    }

    @Test
    void paperOutStopsMidJobAndRefillResumesFromThatPage() throws Exception {
        PrinterSettings settings = PrinterHarness.instant()
                .withDevice(PrinterHarness.instant().device().withTrayCapacity(10).withLowPaperSheets(2));
        try (PrinterHarness h = PrinterHarness.start(dir, settings)) {
            long id = h.submit("copies.txt", 4, 3); // 12 impressions, 10 sheets
            JobInfo stopped = h.awaitJob(id, JobStatus.PROCESSING_STOPPED);
            assertEquals("paper-out", stopped.reason());
            assertEquals(3, stopped.pagesPrinted(), "page 4 had only one of its three copies");
            assertEquals(0, h.printer.status().supplies().paper().sheets());
            assertEquals(List.of("paper-out"), h.printer.faults());

            h.printer.refill(SupplyKind.PAPER);
            assertEquals(JobStatus.PROCESSING, h.awaitJob(id, JobStatus.PROCESSING).state());
            h.awaitJob(id, JobStatus.COMPLETED);
            assertEquals(oneTo(4), h.pages(id));
            assertEquals(8, h.printer.status().supplies().paper().sheets(), "the two missing copies, no more");
            assertTrue(h.seen.stream().anyMatch(e -> Event.TYPE_PRINTER.equals(e.event())
                    && e.printer().reasons().equals(List.of("low-paper"))), "the warning came before the fault");
        }
    }

    @Test
    void noInkStopsMidJobAndNewCartridgeResumes() throws Exception {
        PrinterSettings settings = PrinterHarness.instant()
                .withDevice(PrinterHarness.instant().device().withInkPerPagePercent(10));
        try (PrinterHarness h = PrinterHarness.start(dir, settings)) {
            long id = h.submit("ink.txt", 15, 1);
            JobInfo stopped = h.awaitJob(id, JobStatus.PROCESSING_STOPPED);
            assertEquals("no-ink", stopped.reason());
            assertEquals(10, stopped.pagesPrinted());
            assertEquals(Map.of("black", 0), h.printer.status().supplies().ink());

            h.printer.refill(SupplyKind.INK);
            h.awaitJob(id, JobStatus.COMPLETED);
            assertEquals(oneTo(15), h.pages(id));
            assertEquals(Map.of("black", 50), h.printer.status().supplies().ink());
        }
    }

    @Test
    void coverOpenFromTheScriptStopsAtItsPage() throws Exception {
        PrinterSettings settings = PrinterHarness.instant().withFaultPlan(script("cover-open@job=2,page=2"));
        try (PrinterHarness h = PrinterHarness.start(dir, settings)) {
            long first = h.submit("one", 3, 1);
            long second = h.submit("two", 3, 1);
            h.awaitJob(first, JobStatus.COMPLETED);
            JobInfo stopped = h.awaitJob(second, JobStatus.PROCESSING_STOPPED);
            assertEquals("cover-open", stopped.reason());
            assertEquals(1, stopped.pagesPrinted());
            h.printer.clearAllFaults();
            h.awaitJob(second, JobStatus.COMPLETED);
            assertEquals(oneTo(3), h.pages(second));
        }
    }

    @Test
    void overallPageAndSheetTriggersFireOnce() throws Exception {
        PrinterSettings settings = PrinterHarness.instant()
                .withFaultPlan(script("no-ink@page=4", "offline@sheets=7"));
        try (PrinterHarness h = PrinterHarness.start(dir, settings)) {
            long a = h.submit("a", 2, 1);
            long b = h.submit("b", 10, 1);
            h.awaitJob(a, JobStatus.COMPLETED);
            assertEquals("no-ink", h.awaitJob(b, JobStatus.PROCESSING_STOPPED).reason());
            assertEquals(1, h.printer.job(b).orElseThrow().pagesPrinted(), "the 4th page overall is b's 2nd");
            h.printer.clearFaults(List.of(PrinterReason.NO_INK));
            assertEquals("offline", h.awaitJob(b, JobStatus.PROCESSING_STOPPED).reason());
            assertEquals(5, h.printer.job(b).orElseThrow().pagesPrinted(), "7 sheets: 2 of a, 5 of b");
            h.printer.clearFaults(List.of(PrinterReason.OFFLINE));
            h.awaitJob(b, JobStatus.COMPLETED);
            assertEquals(oneTo(10), h.pages(b));
        }
    }

    @Test
    void seededJamsHitTheSamePagesEveryRun() throws Exception {
        FaultPlan plan = FaultPlan.parse(List.of(), 0.1, 5, Set.of());
        List<Integer> first = jamPages(dir.resolve("one"), plan);
        List<Integer> second = jamPages(dir.resolve("two"), plan);
        List<Integer> expected = IntStream.rangeClosed(1, 60).filter(plan::jams).boxed().toList();
        assertEquals(expected, first);
        assertEquals(first, second);
        assertTrue(first.size() >= 2, "a 10% rate jams a few of 60 pages: " + first);
    }

    private static List<Integer> jamPages(Path spool, FaultPlan plan) throws Exception {
        List<Integer> jammed = new java.util.ArrayList<>();
        try (PrinterHarness h = PrinterHarness.start(spool, PrinterHarness.instant().withFaultPlan(plan))) {
            long id = h.submit("dice", 60, 1);
            while (true) {
                Event e = h.await("a jam or the end", x -> Event.TYPE_JOB_STATE.equals(x.event())
                        && (x.job().state() == JobStatus.PROCESSING_STOPPED || x.job().state().isTerminal()));
                if (e.job().state().isTerminal()) {
                    break;
                }
                assertEquals("paper-jam", e.job().reason());
                jammed.add(e.job().pagesPrinted() + 1);
                h.printer.clearFaults(List.of(PrinterReason.PAPER_JAM));
            }
            assertEquals(oneTo(60), h.pages(id));
        }
        return jammed;
    }

    @Test
    void pendingJobIsCanceledAtOnceAndNeverPrints() throws Exception {
        try (PrinterHarness h = PrinterHarness.start(dir, PrinterHarness.instant())) {
            h.printer.pause();
            long id = h.submit("later", 3, 1);
            assertEquals(JobStatus.PENDING, h.printer.job(id).orElseThrow().state());
            JobInfo canceled = h.printer.cancel(id);
            assertEquals(JobStatus.CANCELED, canceled.state());
            assertEquals("canceled-by-user", canceled.reason());
            assertEquals(JobOutcome.CANCELED, h.spool.find(id).orElseThrow().outcome());
            h.printer.resume();
            long next = h.submit("next", 1, 1);
            h.awaitJob(next, JobStatus.COMPLETED);
            assertEquals(List.of(), h.pages(id));
            assertEquals(io.paperjam.protocol.ErrorCode.CONFLICT,
                    org.junit.jupiter.api.Assertions.assertThrows(io.paperjam.protocol.ProtocolException.class,
                            () -> h.printer.cancel(id)).code());
            assertEquals(io.paperjam.protocol.ErrorCode.NOT_FOUND,
                    org.junit.jupiter.api.Assertions.assertThrows(io.paperjam.protocol.ProtocolException.class,
                            () -> h.printer.cancel(999)).code());
        }
    }

    @Test
    void stoppedJobIsCanceledAtOnceKeepingItsPages() throws Exception {
        PrinterSettings settings = PrinterHarness.instant().withFaultPlan(script("paper-jam@job=1,page=4"));
        try (PrinterHarness h = PrinterHarness.start(dir, settings)) {
            long id = h.submit("stuck", 10, 1);
            h.awaitJob(id, JobStatus.PROCESSING_STOPPED);
            JobInfo canceled = h.printer.cancel(id);
            assertEquals(JobStatus.CANCELED, canceled.state());
            assertEquals(3, canceled.pagesPrinted());
            assertEquals(3, h.spool.find(id).orElseThrow().pagesDone());
            assertEquals(PrinterState.STOPPED, h.printer.status().state(), "the jam is still there");
            assertNull(h.printer.status().printing());
        }
    }

    @Test
    void printingJobIsCanceledAfterTheSheetInThePrinter() throws Exception {
        GatePacer gate = new GatePacer();
        try (PrinterHarness h = PrinterHarness.start(dir, PrinterHarness.instant().withPacer(gate))) {
            long id = h.submit("long", 10, 1);
            gate.release(2);
            gate.awaitSheet();
            gate.awaitSheet();
            gate.awaitSheet(); // page 3 is in the printer
            JobInfo canceling = h.printer.cancel(id);
            assertEquals(JobStatus.PROCESSING, canceling.state());
            assertEquals("canceling", canceling.reason());
            gate.open();
            JobInfo canceled = h.awaitJob(id, JobStatus.CANCELED);
            assertEquals(3, canceled.pagesPrinted());
            assertEquals(oneTo(3), h.pages(id));
        }
    }

    @Test
    void pauseHoldsAfterTheCurrentSheetAndResumeContinues() throws Exception {
        GatePacer gate = new GatePacer();
        try (PrinterHarness h = PrinterHarness.start(dir, PrinterHarness.instant().withPacer(gate))) {
            long id = h.submit("paused", 5, 1);
            gate.release(1);
            gate.awaitSheet();
            gate.awaitSheet(); // page 2 in the printer
            PrinterInfo paused = h.printer.pause();
            assertEquals(PrinterState.STOPPED, paused.state());
            assertEquals(List.of("paused"), paused.reasons());
            gate.open();
            JobInfo stopped = h.awaitJob(id, JobStatus.PROCESSING_STOPPED);
            assertEquals("paused", stopped.reason());
            assertEquals(2, stopped.pagesPrinted());
            assertEquals(List.of(), h.printer.faults(), "a pause is not a fault");
            h.printer.resume();
            h.awaitJob(id, JobStatus.COMPLETED);
            assertEquals(oneTo(5), h.pages(id));
        }
    }

    @Test
    void unreadableDocumentAbortsTheJobAndTheNextOnePrints() throws Exception {
        try (PrinterHarness h = PrinterHarness.start(dir, PrinterHarness.instant())) {
            h.printer.pause();
            long broken = h.submit("cut", "x".repeat(6000).getBytes(StandardCharsets.UTF_8), 2, 1);
            try (var channel = java.nio.channels.FileChannel.open(h.spool.documentPath(broken),
                    java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(3500); // page 1 reads, page 2 finds the file cut short
            }
            long fine = h.submit("fine", 2, 1);
            h.printer.resume();
            JobInfo aborted = h.awaitJob(broken, JobStatus.ABORTED);
            assertEquals("document-unreadable", aborted.reason());
            assertEquals(1, aborted.pagesPrinted());
            h.awaitJob(fine, JobStatus.COMPLETED);
            assertEquals(1000 - 3, h.printer.status().supplies().paper().sheets(), "no paper for the unreadable page");
        }
    }

    @Test
    void pagesAreCountedFromTheDocumentWhenNobodyDid() throws Exception {
        try (PrinterHarness h = PrinterHarness.start(dir, PrinterHarness.instant())) {
            byte[] text = "a line\n".repeat(130).getBytes(StandardCharsets.UTF_8);
            long id = h.submit("notes.txt", text, null, 2);
            JobInfo done = h.awaitJob(id, JobStatus.COMPLETED);
            assertEquals(3, done.pages());
            assertEquals(oneTo(3), h.pages(id));
            assertEquals(1000 - 6, h.printer.status().supplies().paper().sheets(), "3 pages, 2 copies");
        }
    }

    @Test
    void eventsComeInOrderAndAFailingWatcherBreaksNothing() throws Exception {
        try (PrinterHarness h = PrinterHarness.start(dir, PrinterHarness.instant())) {
            h.printer.watch(e -> {
                throw new IllegalStateException("this watcher is broken");
            });
            long id = h.submit("ordered", 3, 1);
            h.awaitJob(id, JobStatus.COMPLETED);
            List<String> kinds = h.seen.stream().filter(e -> e.job() != null)
                    .map(e -> e.event() + ":" + (e.page() != null ? e.page() : e.job().state().wire())).toList();
            assertEquals(List.of("job-queued:pending", "job-state:processing", "page:1", "page:2", "page:3",
                    "job-state:completed"), kinds);
            for (int i = 1; i < h.seen.size(); i++) {
                assertTrue(h.seen.get(i).seq() > h.seen.get(i - 1).seq(), "seq increases");
            }
            assertTrue(h.seen.stream().anyMatch(e -> Event.TYPE_PRINTER.equals(e.event())
                    && e.printer().state() == PrinterState.PROCESSING));
        }
    }
}
