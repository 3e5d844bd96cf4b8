package io.paperjam.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.client.Sha256;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.Json;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every subcommand through picocli against a real printer server on a loopback port, in human and --json mode. */
@Timeout(60)
class CliEndToEndTest {

    @TempDir
    Path work;

    private TestPrinter printer;
    private Cli cli;

    @BeforeEach
    void start() throws Exception {
        printer = TestPrinter.start(work.resolve("spool"), 250);
        cli = new Cli(work, printer.port());
    }

    @AfterEach
    void stop() {
        printer.close();
    }

    @Test
    void statusShowsStateGaugesAndQueue() throws Exception {
        Cli.Result r = cli.run("status");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("printer idle\n"), r::toString);
        assertTrue(r.out().contains("paper [##########] 250/250 sheets"), r::toString);
        assertTrue(r.out().contains("black [##########] 100%"), r::toString);
        assertTrue(r.out().contains("queue: no jobs waiting"), r::toString);

        Cli.Result json = cli.run("status", "--json");
        JsonNode line = Json.mapper().readTree(json.out());
        assertTrue(line.get("ok").asBoolean());
        assertEquals("idle", line.at("/printer/state").asText());
        assertEquals(250, line.at("/printer/supplies/paper/sheets").asInt());
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheSubcommand() {
        Cli.Result after = cli.runRaw(java.io.InputStream.nullInputStream(), "status", "--port",
                Integer.toString(printer.port()), "--json");
        assertEquals(0, after.exit(), after::toString);
        Cli.Result before = cli.runRaw(java.io.InputStream.nullInputStream(), "--json", "--port",
                Integer.toString(printer.port()), "status");
        assertEquals(0, before.exit(), before::toString);
        assertTrue(before.out().startsWith("{\"ok\":true"), before::toString);
    }

    @Test
    void submitSeveralFilesDetectsFormatsAndSendsChecksums() throws Exception {
        Path text = Files.writeString(work.resolve("notes.txt"), "line one\nline two\n");
        Path pdf = Files.write(work.resolve("report.bin"), "%PDF-1.4\n/Type /Page\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        Cli.Result r = cli.run("submit", "notes.txt", "report.bin");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("job 1 queued: notes.txt"), r::toString);
        assertTrue(r.out().contains("job 2 queued: report.bin") && r.out().contains("application/pdf"), r::toString);

        awaitCompleted(2);
        Cli.Result job = cli.run("job", "1", "--json");
        JobInfo info = Json.read(job.out(), JobInfo.class);
        assertEquals(Sha256.of(text), info.sha256());
        assertEquals("text/plain", info.format());
        assertEquals(JobStatus.COMPLETED, info.state());
        assertEquals(Sha256.of(pdf), Json.read(cli.run("job", "2", "--json").out(), JobInfo.class).sha256());

        Cli.Result human = cli.run("job", "1");
        assertTrue(human.out().contains("state:     completed"), human::toString);

        Cli.Result table = cli.run("jobs", "--all");
        assertEquals(0, table.exit(), table::toString);
        String[] lines = table.out().split("\n");
        assertTrue(lines[0].startsWith("ID  STATE"), table::toString);
        assertTrue(lines[1].matches("1\\s+completed\\s+notes\\.txt\\s+\\S+\\s+1/1\\s+18 B"), table::toString);
        assertEquals("no jobs waiting or printing (--all shows finished ones)\n", cli.run("jobs").out());
    }

    @Test
    void stdinIsSpooledToATempFileAndSubmittedWithItsName() throws Exception {
        long leftoversBefore = stdinTempFiles();
        Cli.Result r = cli.stdin("hello\n", "submit", "-", "--name", "greeting.txt", "--json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode line = Json.mapper().readTree(r.out());
        assertEquals("-", line.get("file").asText());
        assertEquals("greeting.txt", line.at("/job/name").asText());
        assertEquals(6, line.at("/job/size").asLong());
        assertEquals(Sha256.of("hello\n".getBytes(StandardCharsets.UTF_8)), line.at("/job/sha256").asText());
        assertEquals(leftoversBefore, stdinTempFiles(), "the temporary copy of stdin is deleted");
    }

    @Test
    void submitToAStoppedPrinterSaysWhyAndExits3() throws Exception {
        Cli.Result set = cli.run("fault", "set", "paper-out");
        assertEquals(0, set.exit(), set::toString);
        assertTrue(set.out().contains("faults: paper-out"), set::toString);

        Files.writeString(work.resolve("a.txt"), "a\n");
        Cli.Result r = cli.run("submit", "a.txt");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.out().contains("printer stopped: paper-out (the paper tray is empty)"), r::toString);
        assertEquals(3, cli.run("status").exit());

        Cli.Result list = cli.run("fault", "list", "--json");
        assertEquals("paper-out", Json.mapper().readTree(list.out()).get("faults").get(0).asText());

        Cli.Result clear = cli.run("fault", "clear", "--all");
        assertEquals(0, clear.exit(), clear::toString);
        assertTrue(clear.out().contains("faults: none"), clear::toString);
        awaitCompleted(1);
    }

    @Test
    void unknownFaultIsAUsageErrorThatListsTheFaults() {
        Cli.Result r = cli.run("fault", "set", "on-fire");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("unknown fault 'on-fire'; faults are paper-out, no-ink, paper-jam, cover-open, offline"),
                r::toString);
        Cli.Result help = cli.run("fault", "--help");
        assertTrue(help.out().contains("paper-jam   paper is jammed in the printer (IPP media-jam)"), help::toString);
        assertEquals(2, cli.run("fault", "clear").exit(), "clear needs names or --all");
    }

    @Test
    void cancelReportsEachJobAndRefusesFinishedOnes() throws Exception {
        assertEquals(0, cli.run("pause").exit());
        Files.writeString(work.resolve("a.txt"), "a\n");
        Cli.Result submitted = cli.run("submit", "a.txt");
        assertEquals(3, submitted.exit(), "paused printer is stopped: " + submitted);
        assertTrue(submitted.out().contains("printer stopped: paused"), submitted::toString);

        Cli.Result jobs = cli.run("jobs", "--json");
        assertEquals(1, jobs.out().lines().count(), jobs::toString);

        Cli.Result cancel = cli.run("cancel", "1");
        assertEquals(0, cancel.exit(), cancel::toString);
        assertEquals("job 1 canceled (a.txt)\n", cancel.out());

        Cli.Result again = cli.run("cancel", "1", "999");
        assertEquals(1, again.exit(), again::toString);
        assertEquals(2, again.err().lines().count(), again::toString);
        assertTrue(again.err().lines().anyMatch(l -> l.contains("999") && l.endsWith("(not-found)")), again::toString);

        Cli.Result resumed = cli.run("resume");
        assertEquals("printer idle\n", resumed.out());
    }

    @Test
    void suppliesSetAndRefill() throws Exception {
        Cli.Result set = cli.run("supplies", "set", "paper=3", "black=50");
        assertEquals(0, set.exit(), set::toString);
        assertTrue(set.out().contains("paper [#.........] 3/250 sheets"), set::toString);
        assertTrue(set.out().contains("black [#####.....] 50%"), set::toString);

        Cli.Result refill = cli.run("supplies", "refill", "all", "--json");
        JsonNode refilled = Json.mapper().readTree(refill.out());
        assertTrue(refilled.get("ok").asBoolean());
        assertEquals(250, refilled.at("/printer/supplies/paper/sheets").asInt());
        assertEquals(100, refilled.at("/printer/supplies/ink/black").asInt());

        assertEquals(2, cli.run("supplies", "set", "paper").exit());
        assertEquals(2, cli.run("supplies", "set", "ink=140").exit());
        assertEquals(2, cli.run("supplies", "refill", "toner").exit());
    }

    @Test
    void watchPrintsEventsAsHumanLinesAndStopsAfterCount() throws Exception {
        CompletableFuture<Cli.Result> watching = CompletableFuture.supplyAsync(
                () -> cli.run("watch", "--count", "3", "--for", "20"));
        Files.writeString(work.resolve("a.txt"), "a\n");
        // the watch may not be subscribed yet: keep submitting, a bounded number of times, until it has seen enough
        for (int i = 0; i < 50 && !watching.isDone(); i++) {
            cli.run("submit", "a.txt");
            Thread.sleep(100);
        }
        Cli.Result r = watching.get(30, TimeUnit.SECONDS);
        assertEquals(0, r.exit(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r::toString);
        for (String line : lines) {
            assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d (job \\d+ .*|printer .*)"), line);
        }
    }

    @Test
    void refusedConnectionIsOneLineAndExit4() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Cli.Result r = new Cli(work, port).run("status");
        assertEquals(4, r.exit(), r::toString);
        assertEquals("print-client: cannot connect to 127.0.0.1:" + port
                + ": connection refused — is bin/printer-server running?\n", r.err());
        assertEquals("", r.out());

        Cli.Result json = new Cli(work, port).run("status", "--json");
        assertEquals("cannot-connect", Json.mapper().readTree(json.out()).get("error").asText());

        Cli.Result verbose = new Cli(work, port).run("status", "-v");
        assertTrue(verbose.err().contains("java.net.ConnectException"), "stack trace only with -v");
    }

    @Test
    void helpDocumentsExitCodesAndCompletionIsGenerated() {
        Cli.Result help = cli.run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Exit codes:"), help::toString);
        assertTrue(help.out().contains("cannot connect to the printer"), help::toString);
        for (String command : List.of("submit", "status", "jobs", "job", "cancel", "fault", "supplies", "pause",
                "resume", "watch", "spool", "completion")) {
            Cli.Result sub = cli.run(command, "--help");
            assertEquals(0, sub.exit(), command);
            assertTrue(sub.out().contains("Examples:"), command + " has examples");
        }
        Cli.Result completion = cli.run("completion");
        assertEquals(0, completion.exit());
        assertTrue(completion.out().contains("complete -F") && completion.out().contains("paper-out"),
                "bash script with fault names");
        assertEquals(2, cli.run("no-such-command").exit());
        assertEquals(2, cli.run("submit").exit(), "submit needs a file");
    }

    @Test
    void missingFileIsReportedAndOtherFilesStillGo() throws Exception {
        Files.writeString(work.resolve("a.txt"), "a\n");
        Cli.Result r = cli.run("submit", "missing.txt", "a.txt");
        assertEquals(1, r.exit(), r::toString);
        assertEquals("print-client: missing.txt: no such file\n", r.err());
        assertTrue(r.out().contains("job 1 queued: a.txt"), r::toString);
    }

    private void awaitCompleted(int jobs) throws Exception {
        eventually(() -> cli.run("jobs", "--state", "completed", "--json").out().lines().count() == jobs);
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        assertFalse(true, "condition not met within 10 s");
    }

    private static long stdinTempFiles() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("print-client-stdin-")).count();
        }
    }
}
