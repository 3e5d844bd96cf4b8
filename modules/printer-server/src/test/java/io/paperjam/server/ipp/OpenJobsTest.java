package io.paperjam.server.ipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.protocol.JobStatus;
import io.paperjam.spool.JobHeader;
import io.paperjam.spool.JobUpload;
import io.paperjam.spool.Spool;
import io.paperjam.spool.SpoolSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Created jobs waiting for Send-Document: claimed once, cancellable, and aborted when their time is up. */
class OpenJobsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aJobWithoutItsDocumentIsAbortedAfterTheTimeout() throws Exception {
        try (Spool spool = Spool.open(dir, SpoolSettings.defaults())) {
            OpenJobs open = new OpenJobs(2, Duration.ofSeconds(300));
            JobUpload upload = spool.begin(JobHeader.of("waiting"));
            open.add(upload, null, T0);
            assertEquals(List.of(), open.expire(T0.plusSeconds(299)));
            List<JobUpload> expired = open.expire(T0.plusSeconds(301));
            assertEquals(1, expired.size());
            expired.get(0).abort();
            assertEquals(JobStatus.ABORTED, open.find(upload.id()).orElseThrow().state());
            assertEquals(0, spool.usage().jobs(), "the aborted upload gives its quota back");
        }
    }

    @Test
    void aClaimedJobCannotBeClaimedOrCanceledTwice() throws Exception {
        try (Spool spool = Spool.open(dir, SpoolSettings.defaults())) {
            OpenJobs open = new OpenJobs(1, Duration.ofSeconds(300));
            JobUpload upload = spool.begin(JobHeader.of("doc"));
            open.add(upload, "application/pdf", T0);
            assertTrue(!open.hasRoom());
            assertTrue(open.claim(upload.id()).isPresent());
            assertThrows(IppException.class, () -> open.claim(upload.id()));
            assertThrows(IppException.class, () -> open.cancel(upload.id(), T0));
            open.finished(upload.id(), null, null, T0);
            assertTrue(open.hasRoom());
            upload.abort();
        }
    }

    @Test
    void cancelingAWaitingJobRemembersIt() throws Exception {
        try (Spool spool = Spool.open(dir, SpoolSettings.defaults())) {
            OpenJobs open = new OpenJobs(4, Duration.ofSeconds(300));
            JobUpload upload = spool.begin(JobHeader.of("doc").withUser("dave"));
            open.add(upload, null, T0);
            open.cancel(upload.id(), T0.plusSeconds(1)).orElseThrow().abort();
            assertEquals(JobStatus.CANCELED, open.list(true).get(0).state());
            assertEquals(List.of(), open.list(false));
        }
    }
}
