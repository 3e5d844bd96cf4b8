package io.paperjam.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small-job journal: a journaled job is served at once and ends up as ordinary files; concurrent commits
 * share fsyncs; replay at open writes exactly the acknowledged records, cuts torn tails at any byte, never
 * writes a job twice, and the inspector shows what is still only in the journal.
 */
class JournalTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private Path root() {
        return dir.resolve("spool");
    }

    @Test
    void journaledJobIsServedAtOnceAndBecomesOrdinaryFiles() throws Exception {
        byte[] doc = Jobs.content(1, 4096);
        long id;
        try (Spool spool = Spool.open(root(), SpoolSettings.defaults())) {
            id = Jobs.submit(spool, "small", doc).id();
            assertEquals(JobState.QUEUED, spool.find(id).orElseThrow().state());
            assertEquals(List.of(id), spool.queued().stream().map(JobRecord::id).toList());
            try (FileChannel channel = spool.openDocument(id)) {
                ByteBuffer read = ByteBuffer.allocate(doc.length + 1);
                while (channel.read(read) > 0) {
                    // read it all
                }
                assertArrayEquals(doc, java.util.Arrays.copyOf(read.array(), read.position()));
            }
            spool.activate(id);
            spool.finish(id, JobOutcome.COMPLETED, null);
            assertTrue(spool.journalFsyncs() >= 1, "the commit went through the journal");
        }
        assertArrayEquals(doc, Files.readAllBytes(root().resolve("done/" + SpoolLayout.name(id) + ".data")));
        assertEquals(List.of(), FolderScan.list(root().resolve("journal")), "a clean close leaves no segment");
    }

    @Test
    void concurrentCommitsShareJournalFsyncs() throws Exception {
        int threads = 16;
        int each = 20;
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Spool spool = Spool.open(root(), SpoolSettings.defaults())) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        byte[] doc = Jobs.content(thread * 100L + i, 4096);
                        JobRecord job = Jobs.submit(spool, "t" + thread, doc);
                        assertEquals(Jobs.sha256(doc), job.sha256());
                        ids.add(job.id());
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
            assertEquals(threads * each, ids.size());
            assertTrue(spool.journalFsyncs() < threads * each, spool.journalFsyncs() + " fsyncs for "
                    + threads * each + " commits: none shared");
        } finally {
            pool.shutdownNow();
        }
        try (Spool spool = Spool.open(root(), SpoolSettings.defaults())) {
            assertEquals(ids, Set.copyOf(spool.queued().stream().map(JobRecord::id).toList()));
        }
    }

    @Test
    void segmentsRotateAndAreDeletedUnderConcurrentCommitsWithoutDeadlock() throws Exception {
        createEmptySpool();
        SpoolDisk disk = new SpoolDisk(new SpoolLayout(root()), new SpoolFiles());
        Journal journal = new Journal(disk, 1, 4096); // a new segment every few records
        int threads = 8;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
                List<Future<?>> tasks = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    tasks.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            long id = 1000L * (thread + 1) + i;
                            byte[] doc = document(id);
                            String sha = Jobs.sha256(doc);
                            JobRecord job = new JobRecord(id, JobHeader.of("r").withDeclaredSize(doc.length),
                                    JobState.QUEUED, doc.length, sha, 0, null, null, T0, T0, true);
                            journal.commit(job, ControlCodec.encodeControl(job), doc, HexFormat.of().parseHex(sha));
                        }
                        return null;
                    }));
                }
                for (Future<?> task : tasks) {
                    task.get();
                }
                journal.close();
            });
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), FolderScan.list(root().resolve("journal")), "every segment deleted once written out");
        assertEquals(threads * each * 2, FolderScan.list(root().resolve("queue")).size());
    }

    @Test
    void quotaCountsJournaledJobs() throws Exception {
        try (Spool spool = Spool.open(root(), SpoolSettings.defaults().withQuotaJobs(2))) {
            Jobs.submit(spool, "a", new byte[10]);
            Jobs.submit(spool, "b", new byte[10]);
            assertThrows(SpoolFullException.class, () -> spool.begin(JobHeader.of("c").withDeclaredSize(10)));
            assertEquals(2, spool.usage().jobs());
        }
    }

    @Test
    void replayWritesEveryIntactRecordOnceAndDeletesTheSegments() throws Exception {
        createEmptySpool();
        byte[] segment = concat(record(5, 100), record(6, 200), record(7, 0));
        Files.write(root().resolve("journal/000000000003.log"), segment);
        try (Spool spool = Spool.open(root(), SpoolSettings.defaults())) {
            for (long id : List.of(5L, 6L, 7L)) {
                JobRecord job = spool.find(id).orElseThrow();
                assertEquals(JobState.QUEUED, job.state());
                assertArrayEquals(document(id), Files.readAllBytes(spool.documentPath(id)));
            }
            assertEquals(8, Jobs.submit(spool, "next", new byte[1]).id(), "ids continue above journaled ones");
        }
        assertEquals(List.of(), FolderScan.list(root().resolve("journal")));
        assertEquals(List.of(), FolderScan.list(root().resolve("corrupt")));
        // the same segment again (say its deletion was lost): nothing is written twice or changed
        Files.write(root().resolve("journal/000000000003.log"), segment);
        byte[] control = Files.readAllBytes(root().resolve("queue/000000000005.json"));
        try (Spool spool = Spool.open(root(), SpoolSettings.defaults())) {
            assertEquals(4, spool.jobs().size());
        }
        assertArrayEquals(control, Files.readAllBytes(root().resolve("queue/000000000005.json")));
        assertEquals(List.of(), FolderScan.list(root().resolve("corrupt")));
    }

    @Test
    void aRestartQueuesTheJournalsBacklogAtOnceAndWritesItsFilesInTheBackground() throws Exception {
        createEmptySpool();
        Files.write(root().resolve("journal/000000000003.log"), concat(record(5, 0), record(6, 0), record(7, 0)));
        java.util.concurrent.CountDownLatch writesAllowed = new java.util.concurrent.CountDownLatch(1);
        SpoolFiles heldBack = heldBack(writesAllowed);
        Spool opened = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> Spool.open(root(), SpoolSettings.defaults(), heldBack), "open waited for the backlog's files");
        try (Spool spool = opened) {
            // open returned while no file of the backlog could be written: the jobs are queued all the same
            assertEquals(List.of(5L, 6L, 7L), spool.queued().stream().map(JobRecord::id).toList());
            assertEquals(3, spool.usage().jobs(), "the quota counts them");
            assertFalse(Files.exists(root().resolve("queue/000000000005.json")));
            assertEquals(8, Jobs.submit(spool, "next", new byte[1]).id(), "ids continue above the backlog");
            writesAllowed.countDown();
            for (long id : List.of(5L, 6L, 7L)) {
                assertArrayEquals(document(id), Files.readAllBytes(spool.documentPath(id)), "waits for the file");
            }
            spool.activate(5);
            spool.finish(5, JobOutcome.COMPLETED, null);
        } finally {
            writesAllowed.countDown();
        }
        assertEquals(List.of(), FolderScan.list(root().resolve("journal")), "a clean close leaves no segment");
        assertEquals(List.of(), FolderScan.list(root().resolve("corrupt")));
        try (Spool spool = Spool.open(root(), SpoolSettings.defaults())) {
            assertEquals(List.of(6L, 7L, 8L), spool.queued().stream().map(JobRecord::id).toList());
            assertEquals(JobState.DONE, spool.find(5).orElseThrow().state());
        }
    }

    @Test
    void aCleanCloseWritesTheBacklogOnlyForItsDrainAndTheNextOpenQueuesTheRest() throws Exception {
        java.util.concurrent.CountDownLatch writesAllowed = new java.util.concurrent.CountDownLatch(1);
        SpoolFiles heldBack = heldBack(writesAllowed);
        SpoolSettings settings = SpoolSettings.defaults().withCloseDrain(java.time.Duration.ofMillis(100));
        Spool spool = Spool.open(root(), settings, heldBack);
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            ids.add(Jobs.submit(spool, "j" + i, document(i)).id()); // the first batch is stuck on the latch
        }
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(500); // well after the drain's deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writesAllowed.countDown();
        });
        release.start();
        spool.close(); // ends after the batch in progress, not after all 40 jobs
        release.join();
        assertFalse(FolderScan.list(root().resolve("journal")).isEmpty(), "the rest stays in the journal");
        try (Spool reopened = Spool.open(root(), SpoolSettings.defaults())) {
            assertEquals(ids, reopened.queued().stream().map(JobRecord::id).toList());
            for (int i = 0; i < ids.size(); i++) {
                assertArrayEquals(document(i + 1), Files.readAllBytes(reopened.documentPath(ids.get(i))));
            }
        }
        assertEquals(List.of(), FolderScan.list(root().resolve("journal")), "a close within the drain empties it");
        assertEquals(List.of(), FolderScan.list(root().resolve("corrupt")));
    }

    @Test
    void aCrashWhileTheBacklogIsWrittenLosesNothingAndQuarantinesNothing() throws Exception {
        createEmptySpool();
        byte[] segment = concat(record(5, 0), record(6, 0));
        Files.write(root().resolve("journal/000000000003.log"), segment);
        // what a materialiser killed half way leaves: a data file renamed in without its control file, whose
        // control file in tmp/ a first recovery already swept, and a half-written temp file
        Files.write(root().resolve("queue/000000000005.data"), new byte[3]);
        Files.write(root().resolve("tmp/000000000006.data"), new byte[2]);
        try (Spool spool = Spool.open(root(), SpoolSettings.defaults())) {
            for (long id : List.of(5L, 6L)) {
                assertArrayEquals(document(id), Files.readAllBytes(spool.documentPath(id)));
            }
        }
        assertEquals(List.of(), FolderScan.list(root().resolve("corrupt")), "nothing of a journaled job is an orphan");
        assertEquals(List.of(), FolderScan.list(root().resolve("journal")));
        assertEquals(List.of(), SpoolInspector.inspect(root()).anomalies());
    }

    @Test
    void withTheJournalOffAtRestartItsRecordsAreWrittenBeforeOpenReturns() throws Exception {
        createEmptySpool();
        Files.write(root().resolve("journal/000000000003.log"), concat(record(5, 0), record(6, 0)));
        try (Spool spool = Spool.open(root(), SpoolSettings.defaults().withJournalMaxBytes(0))) {
            assertTrue(Files.exists(root().resolve("queue/000000000006.json")), "written during open");
            assertEquals(List.of(), FolderScan.list(root().resolve("journal")));
            assertEquals(List.of(5L, 6L), spool.queued().stream().map(JobRecord::id).toList());
        }
    }

    @Test
    void replayNeverRewritesAJobThatMovedOnOrWasPruned() throws Exception {
        long done;
        long pruned;
        try (Spool spool = Spool.open(root(), SpoolSettings.defaults().withRetainDoneJobs(1))) {
            pruned = Jobs.submit(spool, "pruned", document(1)).id();
            done = Jobs.submit(spool, "done", document(2)).id();
            spool.finish(pruned, JobOutcome.CANCELED, "x");
            spool.finish(done, JobOutcome.COMPLETED, null);
        }
        assertEquals(List.of(pruned), historyIds());
        Files.write(root().resolve("journal/000000000009.log"), concat(record(pruned, 10), record(done, 20)));
        try (Spool spool = Spool.open(root(), SpoolSettings.defaults().withRetainDoneJobs(1))) {
            assertEquals(JobState.DONE, spool.find(done).orElseThrow().state(), "not queued again");
            assertFalse(spool.find(pruned).orElseThrow().documentPresent(), "not resurrected from the journal");
            assertEquals(List.of(), spool.queued());
        }
        assertEquals(List.of(), FolderScan.list(root().resolve("corrupt")));
    }

    @Test
    void tornTailAtEveryByteOffsetIsSeenAsTornAndNeverAsARecord() {
        byte[] first = record(1, 0);
        byte[] second = record(2, 0);
        for (int cut = 0; cut < second.length; cut++) {
            ByteBuffer segment = ByteBuffer.wrap(concat(first, java.util.Arrays.copyOf(second, cut)));
            JournalCodec.Read intact = JournalCodec.read(segment, 0);
            assertEquals(1, intact.entry().id(), "cut at " + cut);
            JournalCodec.Read torn = JournalCodec.read(segment, first.length);
            if (cut == 0) {
                assertTrue(torn.atEnd());
            } else {
                assertEquals(null, torn.entry(), "a record cut at byte " + cut + " was read as intact");
                assertTrue(torn.damage() != null, "cut at " + cut);
            }
        }
    }

    @Test
    void tornTailIsDroppedAtOpenWhereverTheAppendStopped() throws Exception {
        byte[] first = record(1, 0);
        byte[] second = record(2, 0);
        int json = 20 + 40; // inside the control JSON
        int doc = second.length - 32 - 50; // inside the document
        for (int cut : new int[] {1, 3, 4, 7, 8, 11, 16, 19, 20, json, doc, second.length - 32, second.length - 1}) {
            Path spoolDir = dir.resolve("cut-" + cut);
            Spool.open(spoolDir, SpoolSettings.defaults()).close();
            Files.write(spoolDir.resolve("journal/000000000001.log"), concat(first, java.util.Arrays.copyOf(second, cut)));
            SpoolReport report = SpoolInspector.inspect(spoolDir);
            assertEquals(List.of(1L), report.jobs().stream().map(InspectedJob::id).toList());
            assertEquals("journaled", report.jobs().get(0).note());
            assertEquals(List.of(Anomaly.JOURNAL_TORN_TAIL), report.anomalies().stream().map(Anomaly::kind).toList());
            try (Spool spool = Spool.open(spoolDir, SpoolSettings.defaults())) {
                assertEquals(List.of(1L), spool.jobs().stream().map(JobRecord::id).toList(), "cut at " + cut);
                assertArrayEquals(document(1), Files.readAllBytes(spool.documentPath(1)));
            }
            assertEquals(List.of(), FolderScan.list(spoolDir.resolve("journal")), "cut at " + cut);
            assertEquals(List.of(), FolderScan.list(spoolDir.resolve("corrupt")), "a torn tail is a crash, not damage");
            assertEquals(List.of(), SpoolInspector.inspect(spoolDir).anomalies());
        }
    }

    @Test
    void corruptCrcInTheNewestSegmentDropsTheRecordAndWhatFollows() throws Exception {
        createEmptySpool();
        byte[] second = record(2, 64);
        second[second.length - 40] ^= 1; // one flipped bit in the document
        Files.write(root().resolve("journal/000000000001.log"), concat(record(1, 64), second, record(3, 64)));
        SpoolReport report = SpoolInspector.inspect(root());
        assertEquals(List.of(1L), report.jobs().stream().map(InspectedJob::id).toList());
        assertTrue(report.anomalies().get(0).detail().contains("CRC32C"), report.anomalies().toString());
        try (Spool spool = Spool.open(root(), SpoolSettings.defaults())) {
            assertEquals(List.of(1L), spool.jobs().stream().map(JobRecord::id).toList());
        }
    }

    @Test
    void damagedOlderSegmentIsReplayedUpToTheDamageAndMovedToCorrupt() throws Exception {
        createEmptySpool();
        byte[] second = record(2, 64);
        second[20] ^= 0x10;
        Files.write(root().resolve("journal/000000000001.log"), concat(record(1, 64), second));
        Files.write(root().resolve("journal/000000000002.log"), record(3, 64));
        SpoolReport report = SpoolInspector.inspect(root());
        assertEquals(List.of(Anomaly.JOURNAL_CORRUPT), report.anomalies().stream().map(Anomaly::kind).toList());
        assertEquals(List.of(1L, 3L), report.jobs().stream().map(InspectedJob::id).toList());
        try (Spool spool = Spool.open(root(), SpoolSettings.defaults())) {
            assertEquals(List.of(1L, 3L), spool.jobs().stream().map(JobRecord::id).toList());
        }
        assertEquals(List.of(root().resolve("corrupt/journal-000000000001.log")), FolderScan.list(root().resolve("corrupt")));
        assertEquals(List.of(), FolderScan.list(root().resolve("journal")));
    }

    @Test
    void aFailingJournalFallsBackToTheFilePathWithoutLosingOrDoublingJobs() throws Exception {
        SpoolFiles failingJournal = new SegmentWatch() {
            @Override
            void forceData(FileChannel channel) throws IOException { // a group commit's fdatasync, after the append
                if (isSegment(channel)) {
                    throw new IOException("injected fsync failure on the journal");
                }
                super.forceData(channel);
            }
        };
        List<Long> ids = new ArrayList<>();
        try (Spool spool = Spool.open(root(), SpoolSettings.defaults(), failingJournal)) {
            for (int i = 0; i < 3; i++) {
                ids.add(Jobs.submit(spool, "j" + i, document(i)).id());
            }
            assertEquals(0, spool.journalFsyncs());
        }
        try (Spool spool = Spool.open(root(), SpoolSettings.defaults())) {
            assertEquals(ids, spool.jobs().stream().map(JobRecord::id).toList());
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(document(i), Files.readAllBytes(spool.documentPath(ids.get(i))));
            }
        }
        assertEquals(List.of(), FolderScan.list(root().resolve("corrupt")));
    }

    @Test
    void journalOffCommitsEverySmallJobThroughTheFilePath() throws Exception {
        try (Spool spool = Spool.open(root(), SpoolSettings.defaults().withJournalMaxBytes(0))) {
            long id = Jobs.submit(spool, "a", document(1)).id();
            assertEquals(0, spool.journalFsyncs());
            assertTrue(Files.exists(root().resolve("queue/" + SpoolLayout.name(id) + ".json")));
        }
    }

    @Test
    void segmentsAreZeroFilledAheadSoThatAGroupCommitIsAnFdatasync() throws Exception {
        java.util.concurrent.atomic.AtomicInteger fsyncs = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger fdatasyncs = new java.util.concurrent.atomic.AtomicInteger();
        SpoolFiles counting = new SegmentWatch() {
            @Override
            void force(FileChannel channel) throws IOException {
                if (isSegment(channel)) {
                    fsyncs.incrementAndGet();
                }
                super.force(channel);
            }

            @Override
            void forceData(FileChannel channel) throws IOException {
                if (isSegment(channel)) {
                    fdatasyncs.incrementAndGet();
                }
                super.forceData(channel);
            }
        };
        Spool spool = Spool.open(root(), SpoolSettings.defaults(), counting);
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(Jobs.submit(spool, "j" + i, document(i)).id());
        }
        for (long id : ids) {
            spool.documentPath(id); // waits until the job is written out, so the crash below leaves no tmp/ file
        }
        spool.abandon(); // a crash: both segments stay, one with three records, one blank
        List<Path> segments = FolderScan.list(root().resolve("journal"));
        assertEquals(2, segments.size(), "the segment in use and the next one, ready");
        for (Path segment : segments) {
            assertEquals(Journal.SEGMENT_BYTES, Files.size(segment), "zero-filled to full size: " + segment);
        }
        assertEquals(3, fdatasyncs.get(), "one fdatasync per commit made one at a time");
        assertEquals(2, fsyncs.get(), "one fsync per segment, when it was zero-filled");
        assertEquals(List.of(), SpoolInspector.inspect(root()).anomalies(), "zeros after the records are not damage");
        try (Spool reopened = Spool.open(root(), SpoolSettings.defaults())) {
            assertEquals(ids, reopened.jobs().stream().map(JobRecord::id).toList());
            for (long id : ids) {
                assertArrayEquals(document(id), Files.readAllBytes(reopened.documentPath(id)));
            }
        }
        assertEquals(List.of(), FolderScan.list(root().resolve("corrupt")));
        assertEquals(List.of(), FolderScan.list(root().resolve("journal")), "a clean close leaves no segment");
    }

    @Test
    void aTornRecordBeforeAZeroFilledNextSegmentIsATornTailNotDamage() throws Exception {
        createEmptySpool();
        byte[] torn = java.util.Arrays.copyOf(record(2, 0), 40);
        Files.write(root().resolve("journal/000000000001.log"),
                java.util.Arrays.copyOf(concat(record(1, 0), torn), 64 * 1024)); // then zeros, as zero-filled
        Files.write(root().resolve("journal/000000000002.log"), new byte[64 * 1024]); // ready, never appended to
        SpoolReport report = SpoolInspector.inspect(root());
        assertEquals(List.of(Anomaly.JOURNAL_TORN_TAIL), report.anomalies().stream().map(Anomaly::kind).toList());
        try (Spool spool = Spool.open(root(), SpoolSettings.defaults())) {
            assertEquals(List.of(1L), spool.jobs().stream().map(JobRecord::id).toList());
        }
        assertEquals(List.of(), FolderScan.list(root().resolve("corrupt")), "a torn tail is a crash, not damage");
        assertEquals(List.of(), FolderScan.list(root().resolve("journal")));
    }

    @Test
    void zerosAfterTheLastRecordEndASegmentOnlyWhenALengthAndCrcWouldFit() {
        byte[] one = record(1, 0);
        ByteBuffer zeroFilled = ByteBuffer.wrap(java.util.Arrays.copyOf(one, one.length + JournalCodec.PREFIX));
        assertTrue(JournalCodec.read(zeroFilled, one.length).atEnd());
        ByteBuffer shortTail = ByteBuffer.wrap(java.util.Arrays.copyOf(one, one.length + JournalCodec.PREFIX - 1));
        assertTrue(JournalCodec.read(shortTail, one.length).damage() != null, "too few zeros: a torn record");
        byte[] zerosThenBytes = java.util.Arrays.copyOf(one, one.length + 64);
        zerosThenBytes[zerosThenBytes.length - 1] = 7;
        assertTrue(JournalCodec.read(ByteBuffer.wrap(zerosThenBytes), one.length).damage() != null,
                "bytes after the zeros: not the unwritten end");
    }

    // ---- helpers

    /** Files that know which channels are journal segments, for tests that fail or count their forces. */
    private static class SegmentWatch extends SpoolFiles {
        private final Set<FileChannel> segments = ConcurrentHashMap.newKeySet();

        @Override
        FileChannel createExclusive(Path file) throws IOException {
            FileChannel channel = super.createExclusive(file);
            if (file.toString().endsWith(SpoolLayout.JOURNAL_SUFFIX)) {
                segments.add(channel);
            }
            return channel;
        }

        boolean isSegment(FileChannel channel) {
            return segments.contains(channel);
        }
    }

    /** Files whose control files (the materialiser's, among others) are created only once {@code allowed} opens. */
    private static SpoolFiles heldBack(java.util.concurrent.CountDownLatch allowed) {
        return new HeldBackFiles(allowed, file -> SpoolLayout.idOf(file.getFileName().toString(), ".json").isPresent());
    }

    private void createEmptySpool() throws IOException {
        Spool.open(root(), SpoolSettings.defaults()).close();
    }

    private static byte[] document(long id) {
        return Jobs.content(id, 100 + (int) id);
    }

    /** A record exactly as the journal writes it, for job {@code id} with {@link #document(long)}. */
    private static byte[] record(long id, int ignored) {
        byte[] doc = document(id);
        String sha = Jobs.sha256(doc);
        JobRecord job = new JobRecord(id, JobHeader.of("job-" + id).withDeclaredSize(doc.length), JobState.QUEUED,
                doc.length, sha, 0, null, null, T0, T0, true);
        ByteBuffer encoded = JournalCodec.encode(id, ControlCodec.encodeControl(job), doc, HexFormat.of().parseHex(sha));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private List<Long> historyIds() throws IOException {
        List<Long> ids = new ArrayList<>();
        for (String line : Files.readAllLines(root().resolve("history.jsonl"))) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(line);
            assertTrue(m.find(), line);
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }
}
