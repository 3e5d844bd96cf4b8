package io.paperjam.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A watcher whose printer shuts down ends at once with exit 4 and one line, instead of hanging. */
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
}
