package io.paperjam.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    private SpoolSettings settings(int keep, Duration age) {
        return SpoolSettings.defaults().withRetainDoneJobs(keep).withRetainDoneAge(age).withClock(clock);
    }

    private static JobRecord done(long id, Instant finished) {
        return new JobRecord(id, JobHeader.of("j" + id), JobState.DONE, 1, "00", 0, JobOutcome.COMPLETED, null,
                finished, finished, true);
    }

    @Test
    void selectsOldestBeyondCountAndEverythingOlderThanTheAge() {
        Instant now = clock.instant();
        JobRecord queued = new JobRecord(9, JobHeader.of("q"), JobState.QUEUED, 1, "00", 0, null, null,
                now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(30)), true);
        List<JobRecord> jobs = List.of(done(1, now.minusSeconds(50)), done(2, now.minusSeconds(10)),
                done(3, now.minusSeconds(40)), done(4, now.minusSeconds(5000)), queued);
        assertEquals(List.of(4L, 1L), ids(Retention.select(jobs, settings(2, Duration.ofDays(1)), now)));
        assertEquals(List.of(4L), ids(Retention.select(jobs, settings(10, Duration.ofSeconds(100)), now)));
        assertEquals(List.of(), ids(Retention.select(jobs, settings(10, Duration.ofDays(1)), now)));
        assertEquals(List.of(4L, 1L, 3L, 2L), ids(Retention.select(jobs, settings(0, Duration.ofDays(1)), now)));
    }

    @Test
    void prunedJobsMoveToHistoryAndCanStillBeFound() throws Exception {
        Path root = dir.resolve("spool");
        try (Spool spool = Spool.open(root, settings(2, Duration.ofDays(1)))) {
            for (int i = 1; i <= 4; i++) {
                long id = Jobs.submit(spool, "j" + i, Jobs.content(i, 100)).id();
                clock.advance(Duration.ofSeconds(1));
                spool.finish(id, i == 2 ? JobOutcome.CANCELED : JobOutcome.COMPLETED, i == 2 ? "by bob" : null);
            }
            assertEquals(List.of(3L, 4L), ids(spool.jobs()));
            JobRecord pruned = spool.find(2).orElseThrow();
            assertFalse(pruned.documentPresent());
            assertEquals(JobState.DONE, pruned.state());
            assertEquals(JobOutcome.CANCELED, pruned.outcome());
            assertEquals("by bob", pruned.reason());
            assertEquals(Jobs.sha256(Jobs.content(2, 100)), pruned.sha256());
            assertThrows(NoSuchJobException.class, () -> spool.openDocument(2));
            assertThrows(IllegalJobStateException.class, () -> spool.finish(2, JobOutcome.COMPLETED, null));
            assertEquals(2, Files.readAllLines(root.resolve("history.jsonl")).size());
        }
        clock.advance(Duration.ofDays(2));
        try (Spool spool = Spool.open(root, settings(2, Duration.ofDays(1)))) {
            assertEquals(List.of(), spool.jobs(), "aged out at open");
            for (long id = 1; id <= 4; id++) {
                JobRecord job = spool.find(id).orElseThrow();
                assertFalse(job.documentPresent());
                assertEquals("j" + id, job.header().name());
            }
            assertEquals(List.of(), FolderScan.list(root.resolve("done")));
            assertEquals(5, Jobs.submit(spool, "j5", new byte[1]).id(), "history ids are not reused");
        }
    }

    @Test
    void finishesPruneInBatchesOfAnEighthAndPruneTrimsToTheLimit() throws Exception {
        Path root = dir.resolve("spool");
        try (Spool spool = Spool.open(root, settings(16, Duration.ofDays(1)))) {
            for (int i = 1; i <= 18; i++) {
                clock.advance(Duration.ofSeconds(1));
                spool.finish(Jobs.submit(spool, "j" + i, new byte[1]).id(), JobOutcome.COMPLETED, null);
            }
            assertEquals(18, spool.jobs().size(), "two over a limit of 16 wait for the next batch");
            assertFalse(Files.exists(root.resolve("history.jsonl")));
            clock.advance(Duration.ofSeconds(1));
            spool.finish(Jobs.submit(spool, "j19", new byte[1]).id(), JobOutcome.COMPLETED, null);
            assertEquals(16, spool.jobs().size(), "the third one over prunes all three in one batch");
            assertEquals(3, Files.readAllLines(root.resolve("history.jsonl")).size());
            assertEquals(4, spool.jobs().get(0).id());
            clock.advance(Duration.ofSeconds(1));
            spool.finish(Jobs.submit(spool, "j20", new byte[1]).id(), JobOutcome.COMPLETED, null);
            assertEquals(17, spool.jobs().size());
            assertEquals(1, spool.prune(), "prune() trims to the exact limit");
            assertEquals(16, spool.jobs().size());
            clock.advance(Duration.ofDays(2));
            spool.finish(Jobs.submit(spool, "j21", new byte[1]).id(), JobOutcome.COMPLETED, null);
            assertEquals(List.of(21L), ids(spool.jobs()), "jobs over the age limit go at once, whatever the batch");
        }
    }

    @Test
    void pruneRunsOnDemandAndOnlyOnDoneJobs() throws Exception {
        try (Spool spool = Spool.open(dir.resolve("spool"), settings(100, Duration.ofHours(1)))) {
            long a = Jobs.submit(spool, "a", new byte[1]).id();
            long b = Jobs.submit(spool, "b", new byte[1]).id();
            spool.finish(a, JobOutcome.COMPLETED, null);
            assertEquals(0, spool.prune());
            clock.advance(Duration.ofHours(2));
            assertEquals(1, spool.prune());
            assertEquals(List.of(b), ids(spool.jobs()));
        }
    }

    @Test
    void tornLastHistoryLineIsCutOffAndTheJobIsPrunedAgain() throws Exception {
        Path root = dir.resolve("spool");
        try (Spool spool = Spool.open(root, settings(0, Duration.ofDays(1)))) {
            spool.finish(Jobs.submit(spool, "a", new byte[1]).id(), JobOutcome.COMPLETED, null);
            spool.finish(Jobs.submit(spool, "b", new byte[1]).id(), JobOutcome.COMPLETED, null);
        }
        Path history = root.resolve("history.jsonl");
        byte[] bytes = Files.readAllBytes(history);
        Files.write(history, java.util.Arrays.copyOf(bytes, bytes.length - 20)); // second line torn
        try (Spool spool = Spool.open(root, settings(0, Duration.ofDays(1)))) {
            assertTrue(spool.find(1).isPresent());
            assertTrue(spool.find(2).isEmpty(), "its line is gone; in real life its files would still be in done/");
            spool.finish(Jobs.submit(spool, "c", new byte[1]).id(), JobOutcome.COMPLETED, null);
            assertEquals("c", spool.find(3).orElseThrow().header().name());
        }
        assertEquals(2, Files.readAllLines(history).size());
    }

    private static List<Long> ids(List<JobRecord> jobs) {
        return jobs.stream().map(JobRecord::id).toList();
    }
}
