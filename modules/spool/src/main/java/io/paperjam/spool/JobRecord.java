package io.paperjam.spool;

import java.time.Instant;
import java.util.Objects;

/**
 * An immutable snapshot of one job as the spool has durably recorded it.
 *
 * @param id              the job id, monotonic and never reused
 * @param header          the header given at upload (its pages include a count learned while streaming)
 * @param state           QUEUED, ACTIVE or DONE
 * @param size            document size in bytes
 * @param sha256          document SHA-256, lower-case hex
 * @param pagesDone       pages printed so far (a requeued job resumes after this page)
 * @param outcome         how the job ended, {@code null} unless DONE
 * @param reason          why it ended (or was stopped), nullable
 * @param arrived         when the upload began
 * @param updated         when this record last changed durably
 * @param documentPresent false once retention pruned the document (the record then lives in history)
 */
public record JobRecord(long id, JobHeader header, JobState state, long size, String sha256,
                        int pagesDone, JobOutcome outcome, String reason,
                        Instant arrived, Instant updated, boolean documentPresent) {

    public JobRecord {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(arrived, "arrived");
        Objects.requireNonNull(updated, "updated");
        if (state == JobState.DONE && outcome == null) {
            throw new IllegalArgumentException("a DONE job needs an outcome: job " + id);
        }
        if (state != JobState.DONE && outcome != null) {
            throw new IllegalArgumentException("only a DONE job has an outcome: job " + id);
        }
    }

    /** The page count: the header's, or the one learned while streaming ({@link JobUpload#pages(int)}); null if unknown. */
    public Integer pages() {
        return header.pages();
    }

    JobRecord withState(JobState newState, Instant when) {
        return new JobRecord(id, header, newState, size, sha256, pagesDone, outcome, reason, arrived, when, documentPresent);
    }

    JobRecord withPagesDone(int newPagesDone, Instant when) {
        return new JobRecord(id, header, state, size, sha256, newPagesDone, outcome, reason, arrived, when, documentPresent);
    }

    JobRecord finished(JobOutcome newOutcome, String newReason, Instant when) {
        return new JobRecord(id, header, JobState.DONE, size, sha256, pagesDone, newOutcome, newReason, arrived, when,
                documentPresent);
    }

    JobRecord pruned() {
        return new JobRecord(id, header, state, size, sha256, pagesDone, outcome, reason, arrived, updated, false);
    }
}
