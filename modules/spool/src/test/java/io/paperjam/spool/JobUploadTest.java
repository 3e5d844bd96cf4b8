package io.paperjam.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/** Uploads that must be refused leave nothing behind: no file, no quota, a healthy spool. */
class JobUploadTest {

    @TempDir
    Path dir;

    private final FaultyFiles files = new FaultyFiles();

    private Spool open(SpoolSettings settings) throws IOException {
        return Spool.open(dir.resolve("spool"), settings, files);
    }

    private void assertNothingLeft(Spool spool) throws IOException {
        assertEquals(List.of(), FolderScan.list(spool.root().resolve("tmp")), "tmp/");
        assertEquals(0, spool.usage().jobs(), "jobs counted");
        assertEquals(0, spool.usage().bytes(), "bytes counted");
        for (JobState state : JobState.values()) {
            assertEquals(List.of(), FolderScan.list(spool.root().resolve(state.folder())), state.folder());
        }
        assertTrue(spool.jobs().isEmpty());
    }

    private void assertHealthy(Spool spool) throws IOException {
        files.heal();
        byte[] doc = Jobs.content(9, 5000);
        JobRecord job = Jobs.submit(spool, "after", doc);
        assertEquals(Jobs.sha256(doc), job.sha256());
        assertEquals(List.of(job), spool.queued());
    }

    @Test
    void declaredChecksumMismatchIsRefusedAndLeavesNothing() throws Exception {
        try (Spool spool = open(SpoolSettings.defaults())) {
            byte[] doc = Jobs.content(1, 1000);
            JobHeader header = JobHeader.of("x").withDeclaredSha256(Jobs.sha256(Jobs.content(2, 1000)));
            assertThrows(ChecksumMismatchException.class, () -> Jobs.submit(spool, header, doc));
            assertNothingLeft(spool);
            JobRecord ok = Jobs.submit(spool, header.withDeclaredSha256(Jobs.sha256(doc).toUpperCase()), doc);
            assertEquals(Jobs.sha256(doc), ok.sha256());
        }
    }

    /** A digest learned after the body (a checksum trailer) is checked at commit, journaled or not. */
    @Test
    void checksumExpectedAtCommitIsVerifiedAndKept() throws Exception {
        for (int size : new int[] {1000, 3 << 20}) {   // under and over the journal's size limit
            try (Spool spool = Spool.open(dir.resolve("spool-" + size), SpoolSettings.defaults(), files)) {
                byte[] doc = Jobs.content(size, size);
                JobUpload wrong = spool.begin(JobHeader.of("wrong").withDeclaredSize(size));
                wrong.write(ByteBuffer.wrap(doc));
                assertThrows(ChecksumMismatchException.class, () -> wrong.commit(Jobs.sha256(Jobs.content(7, size))));
                assertNothingLeft(spool);

                JobUpload right = spool.begin(JobHeader.of("right").withDeclaredSize(size));
                right.write(ByteBuffer.wrap(doc));
                JobRecord job = right.commit(Jobs.sha256(doc).toUpperCase());
                assertEquals(Jobs.sha256(doc), job.sha256());
                assertEquals(Jobs.sha256(doc), spool.find(job.id()).orElseThrow().header().declaredSha256(),
                        "kept as the declared checksum");
            }
        }
    }

    @Test
    void shortOrLongDocumentAgainstDeclaredSizeIsRefusedAndLeavesNothing() throws Exception {
        try (Spool spool = open(SpoolSettings.defaults())) {
            assertThrows(SizeMismatchException.class,
                    () -> Jobs.submit(spool, JobHeader.of("short").withDeclaredSize(100), new byte[99]));
            assertNothingLeft(spool);
            JobUpload upload = spool.begin(JobHeader.of("long").withDeclaredSize(100));
            upload.write(ByteBuffer.wrap(new byte[60]));
            assertThrows(SizeMismatchException.class, () -> upload.write(ByteBuffer.wrap(new byte[41])));
            assertThrows(IllegalJobStateException.class, upload::commit);
            assertNothingLeft(spool);
            assertHealthy(spool);
        }
    }

    @Test
    void declaredSizeOverQuotaIsRefusedBeforeAnyByteIsStored() throws Exception {
        try (Spool spool = open(SpoolSettings.defaults().withQuotaBytes(1000))) {
            long a = Jobs.submit(spool, "a", new byte[600]).id();
            spool.documentPath(a); // a journaled job's files pass through tmp/ in the background; wait for them
            SpoolFullException e = assertThrows(SpoolFullException.class,
                    () -> spool.begin(JobHeader.of("b").withDeclaredSize(401)));
            assertTrue(e.getMessage().contains("1000"), e.getMessage());
            assertEquals(List.of(), FolderScan.list(spool.root().resolve("tmp")));
            Jobs.submit(spool, "fits exactly", new byte[400]);
            assertEquals(1000, spool.usage().bytes());
        }
    }

    @Test
    void unknownSizeFailsAsSoonAsItCrossesTheQuota() throws Exception {
        try (Spool spool = open(SpoolSettings.defaults().withQuotaBytes(10_000))) {
            JobUpload upload = spool.begin(JobHeader.of("stream"));
            upload.write(ByteBuffer.wrap(new byte[6000]));
            assertEquals(6000, spool.usage().bytes());
            upload.write(ByteBuffer.wrap(new byte[4000]));
            assertThrows(SpoolFullException.class, () -> upload.write(ByteBuffer.wrap(new byte[1])));
            assertNothingLeft(spool);
            assertHealthy(spool);
        }
    }

    @Test
    void jobQuotaCountsUploadsInFlight() throws Exception {
        try (Spool spool = open(SpoolSettings.defaults().withQuotaJobs(2))) {
            long a = Jobs.submit(spool, "a", new byte[1]).id();
            try (JobUpload inFlight = spool.begin(JobHeader.of("b"))) {
                assertThrows(SpoolFullException.class, () -> spool.begin(JobHeader.of("c")));
                inFlight.abort();
            }
            spool.activate(a);
            try (JobUpload again = spool.begin(JobHeader.of("b"))) {
                assertThrows(SpoolFullException.class, () -> spool.begin(JobHeader.of("c")));
            }
            spool.finish(a, JobOutcome.COMPLETED, null);
            Jobs.submit(spool, "c", new byte[1]);
            Jobs.submit(spool, "d", new byte[1]);
        }
    }

    @Test
    void abortAndCloseDeleteThePartialUpload() throws Exception {
        try (Spool spool = open(SpoolSettings.defaults())) {
            JobUpload upload = spool.begin(JobHeader.of("a"));
            upload.write(ByteBuffer.wrap(new byte[100]));
            assertEquals(1, FolderScan.list(spool.root().resolve("tmp")).size());
            upload.abort();
            upload.abort();
            assertNothingLeft(spool);
            try (JobUpload closed = spool.begin(JobHeader.of("b"))) {
                closed.write(ByteBuffer.wrap(new byte[100]));
            }
            assertNothingLeft(spool);
            JobRecord committed;
            try (JobUpload kept = spool.begin(JobHeader.of("c"))) {
                committed = kept.commit();
            }
            assertEquals(List.of(committed), spool.jobs());
        }
    }

    @Test
    void writeFailureFailsTheUploadCleanly() throws Exception {
        failingUploadLeavesSpoolHealthy(() -> files.failWrite = true);
    }

    @Test
    void fsyncFailureFailsTheUploadCleanly() throws Exception {
        failingUploadLeavesSpoolHealthy(() -> files.failForce = true);
    }

    @Test
    void failedRenameOfDataIntoQueueFailsTheUploadCleanly() throws Exception {
        failingUploadLeavesSpoolHealthy(() -> files.failMoveTo = p -> p.toString().endsWith(".data"));
    }

    @Test
    void failedRenameOfControlIntoQueueFailsTheUploadCleanly() throws Exception {
        failingUploadLeavesSpoolHealthy(() -> files.failMoveTo = p -> p.getParent().endsWith("queue")
                && p.toString().endsWith(".json"));
    }

    @Test
    void failedDirectoryFsyncFailsTheUploadCleanly() throws Exception {
        failingUploadLeavesSpoolHealthy(() -> files.failSyncOf = p -> p.endsWith("queue"));
    }

    private void failingUploadLeavesSpoolHealthy(Runnable fault) throws Exception {
        try (Spool spool = open(SpoolSettings.defaults())) {
            byte[] doc = Jobs.content(3, 70_000);
            fault.run();
            Executable upload = () -> Jobs.submit(spool, "doomed", doc);
            IOException e = assertThrows(IOException.class, upload);
            assertTrue(e.getMessage().contains("injected"), e.getMessage());
            assertNothingLeft(spool);
            assertHealthy(spool);
        }
        try (Spool spool = Spool.open(dir.resolve("spool"), SpoolSettings.defaults())) {
            assertEquals(List.of("after"), spool.jobs().stream().map(j -> j.header().name()).toList());
            assertEquals(List.of(), FolderScan.list(spool.root().resolve("corrupt")));
        }
    }

    @Test
    void failedStateChangeKeepsTheJobWhereItWas() throws Exception {
        try (Spool spool = open(SpoolSettings.defaults())) {
            long id = Jobs.submit(spool, "a", new byte[10]).id();
            files.failMoveTo = p -> p.getParent().endsWith("active") && p.toString().endsWith(".json");
            assertThrows(IOException.class, () -> spool.activate(id));
            assertEquals(JobState.QUEUED, spool.find(id).orElseThrow().state());
            assertTrue(Files.exists(spool.root().resolve("queue/000000000001.data")), "data moved back");
            files.failMoveTo = p -> p.getParent().endsWith("done");
            assertThrows(IOException.class, () -> spool.finish(id, JobOutcome.CANCELED, "x"));
            files.heal();
            assertEquals(JobState.QUEUED, spool.find(id).orElseThrow().state());
            assertEquals(1, spool.usage().jobs());
            spool.activate(id);
            files.failForce = true;
            assertThrows(IOException.class, () -> spool.progress(id, 3));
            files.heal();
            assertEquals(0, spool.find(id).orElseThrow().pagesDone());
        }
        try (Spool spool = Spool.open(dir.resolve("spool"), SpoolSettings.defaults())) {
            JobRecord job = spool.find(1).orElseThrow();
            assertEquals(JobState.QUEUED, job.state(), "active at stop, so requeued");
            assertEquals(null, job.outcome());
        }
    }

    @Test
    void largeDocumentIsStreamedInChunks() throws Exception {
        try (Spool spool = open(SpoolSettings.defaults())) {
            JobUpload upload = spool.begin(JobHeader.of("big"));
            ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < 32; i++) {
                chunk.clear();
                while (chunk.hasRemaining()) {
                    chunk.put((byte) (i * 31 + chunk.position()));
                }
                chunk.flip();
                md.update(chunk.duplicate());
                upload.write(chunk);
                assertEquals(0, chunk.remaining());
            }
            JobRecord job = upload.commit();
            assertEquals(32L << 20, job.size());
            assertEquals(java.util.HexFormat.of().formatHex(md.digest()), job.sha256());
            assertEquals(32L << 20, Files.size(spool.documentPath(job.id())));
        }
    }
}
