package io.paperjam.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolInspectorTest {

    @TempDir
    Path dir;

    @Test
    void reportsJobsWhileOwnedWithoutChangingAnything() throws Exception {
        Path root = dir.resolve("spool");
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        try (Spool spool = Spool.open(root, SpoolSettings.defaults().withClock(clock))) {
            long a = Jobs.submit(spool, "a.pdf", Jobs.content(1, 300)).id();
            long b = Jobs.submit(spool, "b.pdf", Jobs.content(2, 400)).id();
            spool.activate(b);
            spool.progress(b, 3);
            spool.finish(a, JobOutcome.ABORTED, "unsupported format");
            try (JobUpload inFlight = spool.begin(JobHeader.of("c"))) {
                inFlight.write(ByteBuffer.wrap(new byte[9]));
                Map<Path, String> before = snapshot(root);
                SpoolReport report = SpoolInspector.inspect(root, clock.instant().plus(Duration.ofMinutes(5)));
                assertEquals(before, snapshot(root), "inspection changed the folder");
                assertTrue(report.ownedByRunningProcess());
                assertTrue(report.owner().contains("pid " + ProcessHandle.current().pid()), report.owner());
                assertEquals(2, report.jobs().size());
                InspectedJob done = report.jobs().get(0);
                assertEquals(new InspectedJob(a, "a.pdf", JobState.DONE, 300, Jobs.sha256(Jobs.content(1, 300)),
                        clock.instant(), Duration.ofMinutes(5), 0, JobOutcome.ABORTED, "unsupported format"), done);
                InspectedJob active = report.jobs().get(1);
                assertEquals(JobState.ACTIVE, active.state());
                assertEquals(3, active.pagesDone());
                assertEquals(List.of(Anomaly.TMP_LEFTOVER), report.anomalies().stream().map(Anomaly::kind).toList());
            }
            Jobs.submit(spool, "after inspection the owner still holds the lock", new byte[1]);
            assertThrows(SpoolLockedException.class, () -> Spool.open(root, SpoolSettings.defaults()));
        }
        SpoolReport after = SpoolInspector.inspect(root);
        assertFalse(after.ownedByRunningProcess());
        assertNull(after.owner());
        assertEquals(List.of(), after.anomalies());
    }

    @Test
    void reportsEveryKindOfAnomalyOfAStoppedSpool() throws Exception {
        Path root = dir.resolve("spool");
        try (Spool spool = Spool.open(root, SpoolSettings.defaults())) {
            for (int i = 1; i <= 4; i++) {
                Jobs.submit(spool, "j" + i, new byte[10]);
            }
        }
        Files.writeString(root.resolve("queue/000000000001.json"), "not json");
        Files.delete(root.resolve("queue/000000000002.data"));
        Files.delete(root.resolve("queue/000000000003.json"));
        Files.write(root.resolve("queue/000000000004.data"), new byte[11]);
        Files.write(root.resolve("tmp/000000000005.data"), new byte[1]);
        Files.write(root.resolve("corrupt/000000000000.json"), new byte[1]);
        Map<Path, String> before = snapshot(root);
        SpoolReport report = SpoolInspector.inspect(root);
        assertEquals(before, snapshot(root));
        Map<String, String> kinds = new TreeMap<>();
        report.anomalies().forEach(a -> kinds.put(root.relativize(a.path()).toString(), a.kind()));
        assertEquals(Map.of(
                "queue/000000000001.json", Anomaly.CORRUPT_CONTROL,
                "queue/000000000002.json", Anomaly.ORPHAN_CONTROL,
                "queue/000000000003.data", Anomaly.ORPHAN_DATA,
                "queue/000000000004.json", Anomaly.CORRUPT_CONTROL,
                "tmp/000000000005.data", Anomaly.TMP_LEFTOVER,
                "corrupt/000000000000.json", Anomaly.QUARANTINED), kinds);
        assertEquals(List.of(2L, 4L), report.jobs().stream().map(InspectedJob::id).toList());
    }

    @Test
    void refusesAFolderThatIsNotASpool() throws Exception {
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        assertThrows(NotASpoolException.class, () -> SpoolInspector.inspect(dir));
        assertThrows(IOException.class, () -> SpoolInspector.inspect(dir.resolve("missing")));
        assertFalse(Files.exists(dir.resolve("lock")));
    }

    /** Every file with its size and modification time. */
    private static Map<Path, String> snapshot(Path root) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class);
                files.put(root.relativize(p), attrs.size() + "@" + attrs.lastModifiedTime());
            }
        }
        return files;
    }
}
