package io.paperjam.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.SupplyKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentPrinterTest {

    @TempDir
    Path dir;

    @Test
    void operatorsHammeringThePrinterNeverLoseOrRepeatAPage() throws Exception {
        PrinterReason[] faults = {PrinterReason.PAPER_JAM, PrinterReason.COVER_OPEN, PrinterReason.OFFLINE};
        ExecutorService operators = Executors.newFixedThreadPool(4);
        try (PrinterHarness h = PrinterHarness.start(dir, PrinterHarness.instant())) {
            long first = h.submit("first", 300, 1);
            long second = h.submit("second", 200, 2);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Random random = new Random(t);
                done.add(operators.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        PrinterReason fault = faults[random.nextInt(faults.length)];
                        switch (random.nextInt(6)) {
                            case 0 -> h.printer.setFaults(List.of(fault));
                            case 1 -> h.printer.clearFaults(List.of(fault));
                            case 2 -> h.printer.pause();
                            case 3 -> h.printer.resume();
                            case 4 -> h.printer.refill(SupplyKind.ALL);
                            default -> {
                                h.printer.status();
                                h.printer.jobs(null, 10);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(PrinterHarness.WAIT_SECONDS, TimeUnit.SECONDS);
            }
            h.printer.clearAllFaults();
            h.printer.resume();
            JobInfo a = h.awaitJob(first, JobStatus.COMPLETED);
            JobInfo b = h.awaitJob(second, JobStatus.COMPLETED);
            assertEquals(300, a.pagesPrinted());
            assertEquals(200, b.pagesPrinted());
            assertEquals(IntStream.rangeClosed(1, 300).boxed().toList(), h.pages(first));
            assertEquals(IntStream.rangeClosed(1, 200).boxed().toList(), h.pages(second));
            for (int i = 1; i < h.seen.size(); i++) {
                assertTrue(h.seen.get(i).seq() == h.seen.get(i - 1).seq() + 1, "no gap or reorder in seq");
            }
        } finally {
            operators.shutdownNow();
        }
    }
}
