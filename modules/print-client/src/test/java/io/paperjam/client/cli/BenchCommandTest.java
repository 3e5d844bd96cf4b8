package io.paperjam.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.protocol.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** print-client bench as a user runs it, against a real printer: the report's fields, --json, and its refusals. */
class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void aShortRunReportsRatesLatenciesAndNoErrors() throws Exception {
        try (TestPrinter printer = TestPrinter.start(dir.resolve("spool"), 10_000)) {
            Cli.Result r = new Cli(dir, printer.port()).run("bench", "--count", "200", "--connections", "8");
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("200 jobs of 4096 bytes"), r.toString());
            assertTrue(r.out().contains("jobs/s") && r.out().contains("MB/s"), r.toString());
            assertTrue(r.out().contains("p50") && r.out().contains("p99 ") && r.out().contains("p99.9")
                    && r.out().contains("max"), r.toString());
            assertTrue(r.out().contains("errors: 0"), r.toString());
        }
    }

    @Test
    void jsonGivesOneObjectWithEveryField() throws Exception {
        try (TestPrinter printer = TestPrinter.start(dir.resolve("spool"), 10_000)) {
            Cli.Result r = new Cli(dir, printer.port()).run("--json", "bench", "-n", "50", "-c", "2", "-s", "1K");
            assertEquals(0, r.exit(), r.toString());
            JsonNode json = Json.mapper().readTree(r.out());
            assertEquals(50, json.get("jobs").asLong());
            assertEquals(1024, json.get("jobBytes").asInt());
            assertEquals(0, json.get("errors").asLong());
            for (String field : new String[] {"jobsPerSecond", "megabytesPerSecond", "p50Millis", "p99Millis",
                "p999Millis", "maxMillis", "errorsByCode", "seconds"}) {
                assertTrue(json.has(field), field + " in " + r.out());
            }
        }
    }

    @Test
    void aRemotePrinterIsRefusedWithoutAllowRemote() {
        Cli.Result r = new Cli(dir, 6310).run("--host", "192.0.2.1", "bench", "--count", "1");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("--allow-remote"), r.toString());
    }

    @Test
    void badSizesAndDurationsAreUsageErrors() {
        assertEquals(ExitCodes.USAGE, new Cli(dir, 6310).run("bench", "--size", "huge").exit());
        assertEquals(ExitCodes.USAGE, new Cli(dir, 6310).run("bench", "--duration", "0s").exit());
        assertEquals(ExitCodes.USAGE, new Cli(dir, 6310).run("bench", "--sender", "fast").exit());
    }
}
