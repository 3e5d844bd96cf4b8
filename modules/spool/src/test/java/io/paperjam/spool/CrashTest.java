package io.paperjam.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a child JVM that commits jobs from several threads with SIGKILL at random moments, reopens the spool
 * and checks: every acknowledged job is there with its exact bytes, every acknowledged state change held,
 * no half-written job is visible, nothing was quarantined, and no id was ever handed out twice. Runs once with
 * the journal on (small jobs acknowledged after the journal's fsync) and once with it off.
 */
class CrashTest {

    private static final String END = "<eof>";

    @TempDir
    Path dir;

    /** Both commit paths: small jobs through the journal (on) or every job through tmp/ (off). */
    @ParameterizedTest(name = "journal {0}")
    @ValueSource(strings = {"on", "off"})
    void acknowledgedJobsSurviveSigkill(String journal) throws Exception {
        crashCycles(20, 12345L, journal);
    }

    @ParameterizedTest(name = "journal {0}")
    @ValueSource(strings = {"on", "off"})
    @Tag("soak")
    void acknowledgedJobsSurviveManySigkills(String journal) throws Exception {
        crashCycles(300, System.nanoTime(), journal);
    }

    @Test
    void secondProcessGetsSpoolLockedExceptionNamingTheHolder() throws Exception {
        Path root = dir.resolve("spool");
        Process child = start(root, "hold");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            assertEquals("ready " + child.pid(), ready);
            SpoolLockedException e = org.junit.jupiter.api.Assertions.assertThrows(SpoolLockedException.class,
                    () -> Spool.open(root, SpoolSettings.defaults()));
            assertTrue(e.getMessage().contains("pid " + child.pid()), e.getMessage());
            SpoolReport report = SpoolInspector.inspect(root);
            assertTrue(report.ownedByRunningProcess());
            assertTrue(report.owner().startsWith("pid " + child.pid()), report.owner());
        } finally {
            child.destroyForcibly().waitFor();
        }
        try (Spool spool = Spool.open(root, SpoolSettings.defaults())) {
            assertTrue(spool.jobs().isEmpty(), "the lock of a killed owner is free again");
        }
    }

    private record Ack(long id, long seed, int size, String sha256) {
    }

    private void crashCycles(int cycles, long seed, String journal) throws Exception {
        Path root = dir.resolve("spool");
        SplittableRandom random = new SplittableRandom(seed);
        Map<Long, Ack> acked = new HashMap<>();
        Map<Long, String[]> lastState = new HashMap<>();
        long maxIdBefore = 0;
        int totalAcks = 0;
        for (int cycle = 0; cycle < cycles; cycle++) {
            int killAfter = random.nextInt(40); // acknowledgement lines to read before the kill
            Process child = start(root, Long.toString(random.nextLong()), Integer.toString(2 + random.nextInt(5)), journal);
            List<String> lines = readUntilKilled(child, killAfter);
            List<Ack> newAcks = new ArrayList<>();
            for (String line : lines) {
                String[] f = line.split(" ");
                if (f.length == 6 && f[0].equals("C") && f[5].equals(".")) {
                    Ack ack = new Ack(Long.parseLong(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]), f[4]);
                    if (acked.put(ack.id(), ack) != null) {
                        fail("id " + ack.id() + " acknowledged twice");
                    }
                    assertTrue(ack.id() > maxIdBefore, "id " + ack.id() + " not above " + maxIdBefore);
                    newAcks.add(ack);
                } else if (f.length == 5 && f[0].equals("S") && f[4].equals(".")) {
                    lastState.put(Long.parseLong(f[1]), f);
                }
            }
            totalAcks += newAcks.size();
            try (Spool spool = Spool.open(root, CrashChild.settings(journal))) {
                for (Ack ack : newAcks) {
                    JobRecord job = spool.find(ack.id()).orElseThrow(() -> new AssertionError("lost job " + ack.id()));
                    assertEquals(ack.sha256(), job.sha256());
                    assertArrayEquals(Jobs.content(ack.seed(), ack.size()), Files.readAllBytes(spool.documentPath(ack.id())),
                            "bytes of job " + ack.id());
                }
                for (Ack ack : acked.values()) {
                    assertEquals(ack.sha256(), spool.find(ack.id()).orElseThrow().sha256());
                }
                for (String[] state : lastState.values()) {
                    JobRecord job = spool.find(Long.parseLong(state[1])).orElseThrow();
                    if (state[2].equals("DONE")) {
                        assertEquals(JobOutcome.COMPLETED, job.outcome(), "finish of job " + job.id() + " lost");
                    } else if (job.state() != JobState.DONE) {
                        assertTrue(job.pagesDone() >= Integer.parseInt(state[3]), "progress of job " + job.id() + " lost");
                    }
                }
                for (JobRecord job : spool.jobs()) {
                    assertTrue(job.state() != JobState.ACTIVE, "recovery requeues active jobs");
                    if (job.id() > maxIdBefore) { // no half-written job is visible
                        assertEquals(job.sha256(), Jobs.sha256(Files.readAllBytes(spool.documentPath(job.id()))));
                    }
                    maxIdBefore = Math.max(maxIdBefore, job.id());
                }
                assertEquals(List.of(), FolderScan.list(root.resolve("tmp")), "tmp/ swept");
                assertEquals(List.of(), FolderScan.list(root.resolve("corrupt")), "a crash must never look like damage");
            }
            maxIdBefore = Math.max(maxIdBefore, acked.keySet().stream().mapToLong(Long::longValue).max().orElse(0));
        }
        assertTrue(totalAcks > cycles, "too few commits to mean anything: " + totalAcks);
        System.out.printf("crash test (journal %s): %d kills, %d acknowledged jobs verified%n", journal, cycles, totalAcks);
    }

    /** Reads the child's lines until {@code acks} commits were acknowledged, kills it, returns what it printed. */
    private static List<String> readUntilKilled(Process child, int acks) throws Exception {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    queue.add(line);
                }
            } catch (IOException e) {
                queue.add("! " + e);
            }
            queue.add(END);
        });
        reader.start();
        List<String> lines = new ArrayList<>();
        int seen = 0;
        boolean ready = false;
        while (!ready || seen < acks) {
            String line = queue.poll(30, TimeUnit.SECONDS);
            if (line == null || line.equals(END)) {
                String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                fail("child ended early (" + line + "): " + err);
            }
            lines.add(line);
            ready |= line.equals("ready");
            seen += line.startsWith("C ") ? 1 : 0;
        }
        child.destroyForcibly(); // SIGKILL on POSIX
        child.waitFor();
        reader.join();
        for (String line; (line = queue.poll()) != null && !line.equals(END); ) {
            lines.add(line);
        }
        return lines;
    }

    private static Process start(Path root, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx256m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), root.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }
}
