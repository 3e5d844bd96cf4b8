package io.paperjam.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir
    Path dir;

    private Path spoolDir() {
        return dir.resolve("spool");
    }

    @Test
    void committedJobIsQueuedWithSizeAndChecksumAndSurvivesReopen() throws Exception {
        byte[] doc = Jobs.content(1, 10_000);
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            JobRecord job = Jobs.submit(spool, "report.pdf", doc);
            assertEquals(1, job.id());
            assertEquals(JobState.QUEUED, job.state());
            assertEquals(doc.length, job.size());
            assertEquals(Jobs.sha256(doc), job.sha256());
            assertEquals(List.of(job), spool.queued());
            assertArrayEquals(doc, Files.readAllBytes(spool.documentPath(job.id())));
            assertArrayEquals(doc, readAll(spool.openDocument(job.id())));
            assertTrue(Files.exists(spoolDir().resolve("queue/000000000001.json")));
            assertTrue(Files.exists(spoolDir().resolve("queue/000000000001.data")));
        }
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            JobRecord job = spool.find(1).orElseThrow();
            assertEquals(Jobs.sha256(doc), job.sha256());
            assertEquals("report.pdf", job.header().name());
            assertTrue(job.documentPresent());
            assertEquals(2, Jobs.submit(spool, "next", new byte[0]).id(), "ids stay contiguous across a clean restart");
        }
    }

    @Test
    void headerFieldsAndLearnedPagesAreKept() throws Exception {
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            JobHeader header = new JobHeader("a.ps", "application/postscript", 3, null, "alice", -1, null);
            JobRecord job;
            try (JobUpload upload = spool.begin(header)) {
                try (OutputStream out = upload.asOutputStream()) {
                    out.write("%!PS\n".getBytes(StandardCharsets.US_ASCII));
                    out.write('x');
                }
                upload.pages(7);
                assertEquals(6, upload.bytesWritten());
                job = upload.commit();
            }
            assertEquals(7, job.pages());
            assertEquals(6, job.size());
            JobRecord declared = Jobs.submit(spool, header.withPages(2), new byte[1]);
            assertEquals(2, declared.pages());
        }
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            JobRecord job = spool.find(1).orElseThrow();
            assertEquals("application/postscript", job.header().format());
            assertEquals(3, job.header().copies());
            assertEquals("alice", job.header().user());
            assertEquals(7, job.pages());
        }
    }

    @Test
    void stateChangesMoveFilesAndSurviveReopen() throws Exception {
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            long a = Jobs.submit(spool, "a", Jobs.content(1, 100)).id();
            long b = Jobs.submit(spool, "b", Jobs.content(2, 100)).id();
            long c = Jobs.submit(spool, "c", Jobs.content(3, 100)).id();
            assertEquals(JobState.ACTIVE, spool.activate(a).state());
            assertTrue(Files.exists(spoolDir().resolve("active/000000000001.data")));
            assertEquals(5, spool.progress(a, 5).pagesDone());
            JobRecord done = spool.finish(a, JobOutcome.COMPLETED, null);
            assertEquals(JobState.DONE, done.state());
            assertEquals(JobOutcome.COMPLETED, done.outcome());
            assertEquals(5, done.pagesDone());
            spool.activate(b);
            spool.progress(b, 2);
            JobRecord requeued = spool.requeue(b);
            assertEquals(JobState.QUEUED, requeued.state());
            assertEquals(2, requeued.pagesDone());
            spool.finish(c, JobOutcome.CANCELED, "canceled by bob");
            assertEquals(List.of(b), spool.queued().stream().map(JobRecord::id).toList());
            assertTrue(Files.exists(spoolDir().resolve("done/000000000003.json")));
            assertEquals(List.of(), FolderScan.list(spoolDir().resolve("active")));
        }
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            assertEquals(JobOutcome.COMPLETED, spool.find(1).orElseThrow().outcome());
            assertEquals(2, spool.find(2).orElseThrow().pagesDone());
            JobRecord canceled = spool.find(3).orElseThrow();
            assertEquals(JobState.DONE, canceled.state());
            assertEquals("canceled by bob", canceled.reason());
            assertEquals(3, spool.jobs().size());
        }
    }

    @Test
    void finishRecordsThePageReachedInTheSameChange() throws Exception {
        long id;
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            id = Jobs.submit(spool, "a", Jobs.content(1, 100)).id();
            spool.activate(id);
            JobRecord done = spool.finish(id, JobOutcome.COMPLETED, null, 7);
            assertEquals(7, done.pagesDone());
            assertEquals(JobOutcome.COMPLETED, done.outcome());
            assertThrows(IllegalArgumentException.class, () -> spool.finish(id, JobOutcome.ABORTED, null, -1));
        }
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            JobRecord reopened = spool.find(id).orElseThrow();
            assertEquals(JobState.DONE, reopened.state());
            assertEquals(7, reopened.pagesDone());
        }
    }

    @Test
    void oldestQueuedFollowsCommitsStateChangesAndReopen() throws Exception {
        for (long journal : new long[] {SpoolSettings.defaults().journalMaxBytes(), 0}) {
            Path folder = dir.resolve("journal-" + journal);
            SpoolSettings settings = SpoolSettings.defaults().withJournalMaxBytes(journal);
            try (Spool spool = Spool.open(folder, settings)) {
                assertTrue(spool.oldestQueued().isEmpty());
                long a = Jobs.submit(spool, "a", Jobs.content(1, 100)).id();
                long b = Jobs.submit(spool, "b", Jobs.content(2, 100)).id();
                long c = Jobs.submit(spool, "c", Jobs.content(3, 100)).id();
                assertEquals(a, spool.oldestQueued().orElseThrow().id());
                assertEquals(b, spool.firstQueued(job -> job.id() != a).orElseThrow().id(), "skips the refused");
                assertTrue(spool.firstQueued(job -> false).isEmpty());
                spool.activate(a);
                assertEquals(b, spool.oldestQueued().orElseThrow().id(), "an active job is not queued");
                spool.finish(b, JobOutcome.CANCELED, null);
                assertEquals(c, spool.oldestQueued().orElseThrow().id(), "a done job is not queued");
                spool.requeue(a);
                assertEquals(a, spool.oldestQueued().orElseThrow().id(), "a requeued job is first again");
                assertEquals(List.of(a, c), spool.queued().stream().map(JobRecord::id).toList());
            }
            try (Spool spool = Spool.open(folder, settings)) {
                assertEquals(1, spool.oldestQueued().orElseThrow().id());
                assertEquals(List.of(1L, 3L), spool.queued().stream().map(JobRecord::id).toList());
            }
        }
    }

    @Test
    void illegalChangesAreRefusedWithoutChangingAnything() throws Exception {
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            long id = Jobs.submit(spool, "a", new byte[10]).id();
            assertThrows(IllegalJobStateException.class, () -> spool.progress(id, 1));
            assertThrows(IllegalJobStateException.class, () -> spool.requeue(id));
            spool.finish(id, JobOutcome.ABORTED, "bad document");
            assertThrows(IllegalJobStateException.class, () -> spool.finish(id, JobOutcome.COMPLETED, null));
            assertThrows(IllegalJobStateException.class, () -> spool.activate(id));
            assertThrows(NoSuchJobException.class, () -> spool.activate(99));
            assertThrows(NoSuchJobException.class, () -> spool.openDocument(99));
            assertThrows(NoSuchElementException.class, () -> spool.documentPath(99));
            assertTrue(spool.find(99).isEmpty());
            assertEquals(JobOutcome.ABORTED, spool.find(id).orElseThrow().outcome());
        }
    }

    @Test
    void usageCountsQueuedAndActiveButNotDone() throws Exception {
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults().withQuotaBytes(1000).withQuotaJobs(5))) {
            long a = Jobs.submit(spool, "a", new byte[100]).id();
            Jobs.submit(spool, "b", new byte[200]);
            spool.activate(a);
            assertEquals(new SpoolUsage(300, 2, 1000, 5), spool.usage());
            spool.finish(a, JobOutcome.COMPLETED, null);
            assertEquals(new SpoolUsage(200, 1, 1000, 5), spool.usage());
        }
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults().withQuotaBytes(1000).withQuotaJobs(5))) {
            assertEquals(new SpoolUsage(200, 1, 1000, 5), spool.usage());
        }
    }

    @Test
    void deviceStateIsReplacedAtomically() throws Exception {
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            assertTrue(spool.readDeviceState().isEmpty());
            spool.writeDeviceState("{\"paper\":10}".getBytes(StandardCharsets.UTF_8));
            spool.writeDeviceState("{\"paper\":0}".getBytes(StandardCharsets.UTF_8));
            assertEquals("{\"paper\":0}", new String(spool.readDeviceState().orElseThrow(), StandardCharsets.UTF_8));
            assertEquals(List.of(), FolderScan.list(spoolDir().resolve("tmp")));
        }
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            assertEquals("{\"paper\":0}", new String(spool.readDeviceState().orElseThrow(), StandardCharsets.UTF_8));
            assertEquals(spoolDir().toAbsolutePath(), spool.root());
        }
    }

    @Test
    void newFolderIsOwnerOnlyAndLaidOutForPeople() throws Exception {
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spoolDir())));
                Path data = Jobs.submit(spool, "a", new byte[1]).id() == 1 ? spool.documentPath(1) : null;
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
            }
            for (String name : List.of("paperjam-spool", "lock", "tmp", "queue", "active", "done", "corrupt")) {
                assertTrue(Files.exists(spoolDir().resolve(name)), name);
            }
        }
    }

    @Test
    void refusesANonEmptyFolderThatIsNotASpoolAndWritesNothingIntoIt() throws Exception {
        Path source = dir.resolve("src");
        Files.createDirectories(source);
        Files.writeString(source.resolve("pom.xml"), "<project/>");
        NotASpoolException e = assertThrows(NotASpoolException.class, () -> Spool.open(source, SpoolSettings.defaults()));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        assertEquals(List.of(source.resolve("pom.xml")), FolderScan.list(source));
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        assertThrows(NotASpoolException.class, () -> Spool.open(file, SpoolSettings.defaults()));
    }

    @Test
    void emptyExistingFolderBecomesASpool() throws Exception {
        Files.createDirectories(spoolDir());
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            assertTrue(Files.exists(spoolDir().resolve("paperjam-spool")));
        }
    }

    @Test
    void secondOpenerInTheSameJvmGetsSpoolLockedException() throws Exception {
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            SpoolLockedException e = assertThrows(SpoolLockedException.class,
                    () -> Spool.open(spoolDir(), SpoolSettings.defaults()));
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
            Jobs.submit(spool, "still fine", new byte[3]);
        }
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            assertEquals(1, spool.jobs().size());
        }
    }

    @Test
    void closedSpoolRefusesWorkAndCloseIsIdempotent() throws Exception {
        Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults());
        JobUpload upload = spool.begin(JobHeader.of("late"));
        upload.write(ByteBuffer.wrap(new byte[10]));
        spool.close();
        spool.close();
        assertThrows(SpoolException.class, upload::commit);
        assertThrows(SpoolException.class, () -> spool.begin(JobHeader.of("x")));
        try (Spool again = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            assertTrue(again.jobs().isEmpty());
            assertEquals(List.of(), FolderScan.list(spoolDir().resolve("tmp")));
        }
    }

    @Test
    void idsAreNeverReusedAfterACrash() throws Exception {
        Spool crashed = Spool.open(spoolDir(), SpoolSettings.defaults());
        long committed = Jobs.submit(crashed, "a", new byte[1]).id();
        JobUpload lost = crashed.begin(JobHeader.of("never committed"));
        lost.write(ByteBuffer.wrap(new byte[5]));
        crashed.abandon();
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            long next = Jobs.submit(spool, "b", new byte[1]).id();
            assertTrue(next > lost.id() && lost.id() > committed, "next id " + next + " after " + lost.id());
            assertNull(spool.find(lost.id()).orElse(null));
        }
    }

    @Test
    void idsAreNeverReusedEvenWhenLastIdIsLost() throws Exception {
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            for (int i = 0; i < 3; i++) {
                Jobs.submit(spool, "j" + i, new byte[1]);
            }
        }
        Files.delete(spoolDir().resolve("last-id"));
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            assertEquals(4, Jobs.submit(spool, "j", new byte[1]).id());
        }
        Files.writeString(spoolDir().resolve("last-id"), "garbage");
        try (Spool spool = Spool.open(spoolDir(), SpoolSettings.defaults())) {
            assertEquals(5, Jobs.submit(spool, "j", new byte[1]).id());
        }
    }

    static byte[] readAll(FileChannel channel) throws Exception {
        try (channel) {
            ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read on
            }
            return buffer.array();
        }
    }
}
