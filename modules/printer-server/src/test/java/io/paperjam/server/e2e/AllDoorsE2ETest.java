package io.paperjam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.server.PrinterServer;
import io.paperjam.server.door.ClientTools;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One server with all four doors, as {@code printer-server --port 0 --raw-port 0 --lpd-port 0
 * --ipp-port 0} starts it: paper-out set over the JSON port is what the LPD and IPP clients see; a
 * job sent through each of raw (nc), LPD (lpr) and IPP (ipptool) waits, and all of them print once
 * paper is loaded over the JSON port.
 */
class AllDoorsE2ETest {

    private static final long WAIT_MILLIS = 20_000;

    @TempDir
    Path dir;

    @Test
    void paperOutIsSeenAtEveryDoorAndEveryDoorsJobPrintsAfterTheRefill() throws Exception {
        try (PrinterServer server = TestServers.start(dir.resolve("spool"),
                s -> s.withRawPort(0).withLpdPort(0).withIppPort(0));
             LineClient json = LineClient.connect(server.address())) {
            int raw = server.rawPort().orElseThrow();
            int lpd = server.lpdPort().orElseThrow();
            int ipp = server.ippPort().orElseThrow();
            assertTrue(server.describeDoors().contains(":" + raw + " (raw)"), server.describeDoors());

            JsonNode faulted = json.request("{\"op\":\"fault\",\"action\":\"set\",\"names\":[\"paper-out\"]}");
            assertTrue(faulted.path("ok").asBoolean(), faulted.toString());

            ClientTools.Result nc = ClientTools.run(TestServers.textPages(2), "nc", "-N", "127.0.0.1",
                    Integer.toString(raw));
            assertEquals(0, nc.exitCode(), nc.output());

            Path letter = dir.resolve("letter.txt");
            Files.write(letter, TestServers.textPages(3));
            String queue = "lp@127.0.0.1%" + lpd;
            ClientTools.Result lpr = ClientTools.run(null, "lpr", "-U", "alice", "-P", queue, letter.toString());
            assertEquals(0, lpr.exitCode(), lpr.output());
            ClientTools.Result lpq = ClientTools.run(null, "lpq", "-P", queue);
            assertTrue(lpq.output().contains("paper-out"), "lpq must show the fault:\n" + lpq.output());

            String uri = "ipp://127.0.0.1:" + ipp + "/ipp/print";
            try (InputStream test = getClass().getResourceAsStream("/ipp/paper-out.test")) {
                Files.copy(test, dir.resolve("paper-out.test"));
            }
            Ipp seen = Ipp.run(dir, "-t", uri, "paper-out.test");
            assertEquals(0, seen.exitCode(), "ipptool must see media-empty-error:\n" + seen.output());
            Ipp printed = Ipp.run(dir, "-t", "-f", letter.toString(), uri, "/usr/share/cups/ipptool/print-job.test");
            assertEquals(0, printed.exitCode(), printed.output());

            List<JobInfo> waiting = awaitJobs(server, 3, List.of(JobStatus.PENDING, JobStatus.PROCESSING_STOPPED));
            assertEquals(3, waiting.size(), "one job per door waits: " + waiting);

            JsonNode refilled = json.request("{\"op\":\"supplies\",\"action\":\"refill\",\"supply\":\"paper\"}");
            assertTrue(refilled.path("ok").asBoolean(), refilled.toString());

            List<JobInfo> done = awaitJobs(server, 3, List.of(JobStatus.COMPLETED));
            assertEquals(3, done.size(), "every door's job completes: " + server.printer().jobs(null, 100));
            assertEquals(2 + 3 + 3, done.stream().mapToInt(JobInfo::pagesPrinted).sum(),
                    "2 pages by raw, 3 by LPD, 3 by IPP: " + done);
        }
    }

    /** Polls (every 20 ms, at most {@link #WAIT_MILLIS}) until {@code count} jobs are in one of {@code states}. */
    private static List<JobInfo> awaitJobs(PrinterServer server, int count, List<JobStatus> states)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        List<JobInfo> jobs = server.printer().jobs(states, 100);
        while (jobs.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            jobs = server.printer().jobs(states, 100);
        }
        return jobs;
    }

    /** ipptool as a child process with a time limit; a missing ipptool fails with how to install it. */
    private record Ipp(int exitCode, String output) {
        static Ipp run(Path workDir, String... args) throws Exception {
            Path binary = Path.of("/usr/bin/ipptool");
            if (!Files.isExecutable(binary)) {
                throw new AssertionError(binary + " is missing: run bin/install-test-tools (CI installs it)");
            }
            Path log = workDir.resolve("ipptool-" + System.nanoTime() + ".log");
            List<String> command = new java.util.ArrayList<>(List.of(binary.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(ClientTools.TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("ipptool did not finish in time:\n" + Files.readString(log));
            }
            return new Ipp(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        }
    }
}
