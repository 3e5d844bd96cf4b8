package io.paperjam.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.client.ClientSettings;
import io.paperjam.client.PrintClient;
import io.paperjam.protocol.PrinterReason;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watcher whose printer shuts down ends at once with exit 4 and one line, instead of hanging; with
 * --reconnect it says so and goes on once the printer is back.
 */
@Timeout(60)
class PrinterGoesAwayTest {

    @TempDir
    Path work;

    @Test
    void watchEndsWithExit4WhenThePrinterStops() throws Exception {
        TestPrinter printer = TestPrinter.start(work.resolve("spool"), 250);
        Cli cli = new Cli(work, printer.port());
        CompletableFuture<Cli.Result> watching = CompletableFuture.supplyAsync(() -> cli.run("watch", "--for", "30"));
        // give the watch a moment to connect; a bounded wait, not a correctness condition
        for (int i = 0; i < 20 && !watching.isDone(); i++) {
            Thread.sleep(50);
        }
        printer.close();
        Cli.Result r = watching.get(20, TimeUnit.SECONDS);
        assertEquals(4, r.exit(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("print-client: "), r::toString);
    }

    @Test
    void watchWithReconnectRidesThroughARestartOfThePrinter() throws Exception {
        Path spool = work.resolve("spool");
        TestPrinter first = TestPrinter.start(spool, 250);
        int port = first.port();
        Cli cli = new Cli(work, port);
        StringWriter live = new StringWriter();
        CompletableFuture<Cli.Result> watching = cli.runAsync(live, "watch", "--reconnect", "--count", "1", "--for", "30");
        // with --reconnect the printer's state is printed each time the watch (re)connects, after it subscribed
        awaitStateLines(live, 1, watching);
        first.close();
        try (TestPrinter again = TestPrinter.start(spool, 250, true, port);
             PrintClient operator = PrintClient.connect(ClientSettings.defaults().withPort(port))) {
            awaitStateLines(live, 2, watching);
            operator.setFaults(List.of(PrinterReason.PAPER_JAM));
            Cli.Result r = watching.get(20, TimeUnit.SECONDS);
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.out().contains("printer stopped: paper-jam"), r::toString);
            assertTrue(r.err().contains("cannot reach the printer"), r::toString);
            assertTrue(r.err().contains("reconnected; events while away were missed"), r::toString);
        }
    }

    private static void awaitStateLines(StringWriter live, int lines, CompletableFuture<Cli.Result> watching)
            throws Exception {
        for (int i = 0; i < 600 && live.toString().split("printer idle", -1).length - 1 < lines; i++) {
            if (watching.isDone()) {
                throw new AssertionError("the watch ended early: " + watching.get());
            }
            Thread.sleep(25);
        }
        assertEquals(lines, live.toString().split("printer idle", -1).length - 1, live::toString);
    }
}
