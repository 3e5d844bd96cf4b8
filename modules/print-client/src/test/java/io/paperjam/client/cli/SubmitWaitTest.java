package io.paperjam.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.client.ClientSettings;
import io.paperjam.client.PrintClient;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.SupplyKind;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** submit --wait follows a job through a paper-out to its end once someone refills the tray. */
@Timeout(60)
class SubmitWaitTest {

    private static final int PAGES = 5;
    private static final int TRAY = 3;

    @TempDir
    Path work;

    @Test
    void waitRidesThroughPaperOutAndRefill() throws Exception {
        Files.writeString(work.resolve("five.txt"), "page\n\f".repeat(PAGES));
        try (TestPrinter printer = TestPrinter.start(work.resolve("spool"), TRAY);
             PrintClient operator = PrintClient.connect(ClientSettings.defaults().withPort(printer.port()))) {
            Cli cli = new Cli(work, printer.port());
            StringWriter live = new StringWriter();
            CompletableFuture<Cli.Result> waiting = cli.runAsync(live,
                    "submit", "five.txt", "--wait", "--wait-timeout", "30");

            // the job stops at the page where the paper ran out; once the client follows it, the operator refills
            JobInfo stopped = awaitStopped(operator);
            assertEquals(TRAY, stopped.pagesPrinted());
            assertEquals("paper-out", stopped.reason());
            awaitOutput(live, "job 1 processing-stopped: paper-out (the paper tray is empty), page 3/5");
            operator.refill(SupplyKind.PAPER);

            Cli.Result r = waiting.get(30, TimeUnit.SECONDS);
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.out().contains("job 1 queued: five.txt"), r::toString);
            assertTrue(r.out().contains("job 1 page " + PAGES + "/" + PAGES), r::toString);
            assertTrue(r.out().contains("job 1 completed (" + PAGES + " pages)"), r::toString);
        }
    }

    @Test
    void waitGivesUpWithExit3WhileThePrinterStaysStopped() throws Exception {
        Files.writeString(work.resolve("five.txt"), "page\n\f".repeat(PAGES));
        try (TestPrinter printer = TestPrinter.start(work.resolve("spool"), TRAY)) {
            Cli.Result r = new Cli(work, printer.port()).run("submit", "five.txt", "--wait", "--wait-timeout", "1");
            assertEquals(3, r.exit(), r::toString);
            assertTrue(r.err().contains("job 1 not finished after 1 s (processing-stopped, page 3/5)"), r::toString);
            assertTrue(r.err().contains("printer stopped: paper-out (the paper tray is empty)"), r::toString);
        }
    }

    @Test
    void waitForACanceledJobExits1() throws Exception {
        Files.writeString(work.resolve("five.txt"), "page\n\f".repeat(PAGES));
        try (TestPrinter printer = TestPrinter.start(work.resolve("spool"), TRAY);
             PrintClient operator = PrintClient.connect(ClientSettings.defaults().withPort(printer.port()))) {
            Cli cli = new Cli(work, printer.port());
            CompletableFuture<Cli.Result> waiting = CompletableFuture.supplyAsync(
                    () -> cli.run("submit", "five.txt", "--wait", "--wait-timeout", "30"));
            operator.cancel(awaitStopped(operator).id());
            Cli.Result r = waiting.get(30, TimeUnit.SECONDS);
            assertEquals(1, r.exit(), r::toString);
            assertTrue(r.out().contains("job 1 canceled"), r::toString);
        }
    }

    private static void awaitOutput(StringWriter live, String text) throws InterruptedException {
        for (int i = 0; i < 400 && !live.toString().contains(text); i++) {
            Thread.sleep(25);
        }
        assertTrue(live.toString().contains(text), live::toString);
    }

    private static JobInfo awaitStopped(PrintClient operator) throws Exception {
        for (int i = 0; i < 400; i++) {
            for (JobInfo job : operator.jobs(null, null)) {
                if (job.state() == JobStatus.PROCESSING_STOPPED) {
                    return job;
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the job never stopped for paper");
    }
}
