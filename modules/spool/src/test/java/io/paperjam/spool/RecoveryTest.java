package io.paperjam.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every crash window and every kind of damage, laid out by hand, then settled by a reopen. */
class RecoveryTest {

    @TempDir
    Path dir;

    private Path root;

    @BeforeEach
    void createSpoolWithThreeJobs() throws IOException {
        root = dir.resolve("spool");
        try (Spool spool = Spool.open(root, SpoolSettings.defaults())) {
            for (int i = 1; i <= 3; i++) {
                Jobs.submit(spool, "job" + i, Jobs.content(i, 1000 * i));
            }
        }
    }

    private Path file(String relative) {
        return root.resolve(relative);
    }

    private List<String> names(String folder) throws IOException {
        return FolderScan.list(root.resolve(folder)).stream().map(p -> p.getFileName().toString()).toList();
    }

    private Spool reopen() throws IOException {
        return Spool.open(root, SpoolSettings.defaults());
    }

    @Test
    void tmpLeftoversAreSweptAndTheirIdsNotReused() throws Exception {
        Files.write(file("tmp/000000000099.data"), new byte[10]);
        Files.write(file("tmp/printer.json.7.new"), new byte[1]);
        try (Spool spool = reopen()) {
            assertEquals(List.of(), names("tmp"));
            assertEquals(100, Jobs.submit(spool, "x", new byte[1]).id());
            assertEquals(List.of(), names("corrupt"));
        }
    }

    @Test
    void activeJobAtCrashGoesBackToQueueKeepingItsPage() throws Exception {
        Spool spool = reopen();
        spool.activate(2);
        spool.progress(2, 17);
        spool.abandon();
        try (Spool again = reopen()) {
            JobRecord job = again.find(2).orElseThrow();
            assertEquals(JobState.QUEUED, job.state());
            assertEquals(17, job.pagesDone());
            assertEquals(List.of(1L, 2L, 3L), again.queued().stream().map(JobRecord::id).toList());
            assertEquals(List.of(), names("active"));
        }
    }

    @Test
    void unreadableControlFileIsQuarantinedWithItsDataAndStartupContinues() throws Exception {
        Files.writeString(file("queue/000000000002.json"), "{\"id\": 2, \"name\": ");
        try (Spool spool = reopen()) {
            assertEquals(List.of(1L, 3L), spool.jobs().stream().map(JobRecord::id).toList());
            assertEquals(List.of("000000000002.data", "000000000002.json"), names("corrupt"));
            assertEquals(4, Jobs.submit(spool, "x", new byte[1]).id(), "a quarantined id is not reused");
        }
        SpoolReport report = SpoolInspector.inspect(root);
        assertEquals(2, report.anomalies().stream().filter(a -> a.kind().equals(Anomaly.QUARANTINED)).count());
    }

    @Test
    void damageAmongHundredsOfJobsIsSettledJobByJob() throws Exception {
        try (Spool spool = reopen()) {
            for (int i = 4; i <= 400; i++) {
                Jobs.submit(spool, "job" + i, Jobs.content(i, 10));
            }
            spool.activate(300);
            spool.progress(300, 2);
        }
        Files.writeString(file("queue/000000000150.json"), "{\"id\": 150, \"name\": ");
        Files.move(file("queue/000000000299.json"), file("active/000000000299.json")); // a second control file
        Files.copy(file("active/000000000300.json"), file("queue/000000000300.json"));
        try (Spool spool = reopen()) {
            List<Long> ids = spool.jobs().stream().map(JobRecord::id).toList();
            assertEquals(399, ids.size());
            assertFalse(ids.contains(150L));
            assertEquals(List.of("000000000150.data", "000000000150.json", "000000000300.json"), names("corrupt"));
            assertEquals(JobState.QUEUED, spool.find(299).orElseThrow().state(), "its data file followed it back");
            assertEquals(2, spool.find(300).orElseThrow().pagesDone(), "requeued with the page it reached");
        }
    }

    @Test
    void controlFileWithMissingFieldsIsCorrupt() throws Exception {
        Files.writeString(file("queue/000000000001.json"), "{\"id\": 1}");
        Files.writeString(file("queue/000000000003.json"), "[]");
        try (Spool spool = reopen()) {
            assertEquals(List.of(2L), spool.jobs().stream().map(JobRecord::id).toList());
            assertEquals(4, names("corrupt").size());
        }
    }

    @Test
    void dataFileWithoutControlFileIsAnOrphanAndQuarantined() throws Exception {
        Files.write(file("done/000000000042.data"), new byte[5]);
        try (Spool spool = reopen()) {
            assertEquals(3, spool.jobs().size());
            assertEquals(List.of("000000000042.data"), names("corrupt"));
            assertEquals(43, Jobs.submit(spool, "x", new byte[1]).id());
        }
    }

    @Test
    void controlFileWithoutDataFileIsQuarantined() throws Exception {
        Files.delete(file("queue/000000000003.data"));
        try (Spool spool = reopen()) {
            assertEquals(List.of(1L, 2L), spool.jobs().stream().map(JobRecord::id).toList());
            assertEquals(List.of("000000000003.json"), names("corrupt"));
        }
    }

    @Test
    void dataFileOfTheWrongSizeIsQuarantinedWithItsControlFile() throws Exception {
        Files.write(file("queue/000000000001.data"), new byte[3]);
        try (Spool spool = reopen()) {
            assertEquals(List.of(2L, 3L), spool.jobs().stream().map(JobRecord::id).toList());
            assertEquals(List.of("000000000001.data", "000000000001.json"), names("corrupt"));
        }
    }

    @Test
    void commitInterruptedBeforeItsCommitPointLeavesNoJobAndNoQuarantine() throws Exception {
        // crash between "rename data into queue/" and "rename control into queue/"
        Files.write(file("queue/000000000004.data"), new byte[7]);
        Files.writeString(file("tmp/000000000004.json"), "{}");
        try (Spool spool = reopen()) {
            assertEquals(3, spool.jobs().size());
            assertTrue(spool.find(4).isEmpty());
            assertEquals(List.of(), names("corrupt"));
            assertEquals(List.of(), names("tmp"));
            assertFalse(Files.exists(file("queue/000000000004.data")));
            assertEquals(5, Jobs.submit(spool, "x", new byte[1]).id());
        }
    }

    @Test
    void controlFileAlreadyInQueueFetchesItsDataFromTmp() throws Exception {
        // a file system that persisted the second rename of a commit but not the first
        Files.move(file("queue/000000000003.data"), file("tmp/000000000003.data"));
        try (Spool spool = reopen()) {
            JobRecord job = spool.find(3).orElseThrow();
            assertArrayEquals(Jobs.content(3, 3000), Files.readAllBytes(spool.documentPath(3)));
            assertEquals(JobState.QUEUED, job.state());
        }
    }

    @Test
    void dataFileAheadOfItsControlFileMovesBack() throws Exception {
        // crash between the two renames of activate()
        Files.move(file("queue/000000000002.data"), file("active/000000000002.data"));
        try (Spool spool = reopen()) {
            assertEquals(JobState.QUEUED, spool.find(2).orElseThrow().state());
            assertArrayEquals(Jobs.content(2, 2000), Files.readAllBytes(file("queue/000000000002.data")));
            assertEquals(List.of(), names("active"));
        }
    }

    @Test
    void finishInterruptedAfterItsOutcomeWasWrittenCompletes() throws Exception {
        try (Spool spool = reopen()) {
            spool.activate(1);
        }
        // crash after finish() rewrote the control file, before the renames into done/
        String control = Files.readString(file("active/000000000001.json"))
                .replace("\"outcome\" : null", "\"outcome\" : \"CANCELED\"")
                .replace("\"reason\" : null", "\"reason\" : \"by alice\"");
        Files.writeString(file("active/000000000001.json"), control);
        try (Spool spool = reopen()) {
            JobRecord job = spool.find(1).orElseThrow();
            assertEquals(JobState.DONE, job.state());
            assertEquals(JobOutcome.CANCELED, job.outcome());
            assertEquals("by alice", job.reason());
            assertEquals(List.of("000000000001.data", "000000000001.json"), names("done"));
            assertEquals(2, spool.usage().jobs());
        }
    }

    @Test
    void interruptedPruneIsCompleted() throws Exception {
        try (Spool spool = reopen()) {
            spool.finish(1, JobOutcome.COMPLETED, null);
        }
        // crash after history.jsonl was forced, before done/ files were deleted
        JobRecord done;
        try (Spool spool = reopen()) {
            done = spool.find(1).orElseThrow();
        }
        Files.write(file("history.jsonl"), ControlCodec.encodeHistoryLine(done.pruned(), done.updated()));
        try (Spool spool = reopen()) {
            JobRecord job = spool.find(1).orElseThrow();
            assertFalse(job.documentPresent());
            assertEquals(List.of(), names("done"));
            assertEquals(List.of(), names("corrupt"));
        }
    }

    @Test
    void serverFilesInTheRootAreLeftAlone() throws Exception {
        Files.writeString(file("token"), "secret");
        Files.writeString(file("printer.json"), "{}");
        try (Spool spool = reopen()) {
            assertEquals(3, spool.jobs().size());
            assertEquals("secret", Files.readString(file("token")));
        }
        SpoolReport report = SpoolInspector.inspect(root);
        assertEquals(List.of(), report.anomalies());
    }

    @Test
    void unexpectedFilesInStateFoldersAreLeftAloneAndReported() throws Exception {
        Files.writeString(file("queue/README"), "hello");
        try (Spool spool = reopen()) {
            assertEquals(3, spool.jobs().size());
        }
        assertTrue(Files.exists(file("queue/README")));
        assertEquals(List.of(Anomaly.UNEXPECTED_FILE),
                SpoolInspector.inspect(root).anomalies().stream().map(Anomaly::kind).toList());
    }

    @Test
    void partialUploadOfAKilledWriterIsSwept() throws Exception {
        Spool spool = reopen();
        JobUpload upload = spool.begin(JobHeader.of("partial"));
        upload.write(ByteBuffer.wrap("half a document".getBytes(StandardCharsets.UTF_8)));
        spool.abandon();
        try (Spool again = reopen()) {
            assertEquals(3, again.jobs().size());
            assertEquals(List.of(), names("tmp"));
            assertEquals(0, again.usage().bytes() - (1000 + 2000 + 3000));
        }
    }
}
