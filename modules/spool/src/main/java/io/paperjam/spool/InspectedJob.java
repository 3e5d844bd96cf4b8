package io.paperjam.spool;

import java.time.Duration;
import java.time.Instant;

/**
 * One job as {@link SpoolInspector} found it on disk.
 *
 * @param note null for a job in its folder; {@code "journaled"} for an acknowledged job still only in journal/
 */
public record InspectedJob(long id, String name, JobState state, long size, String sha256, Instant arrived,
                           Duration age, int pagesDone, JobOutcome outcome, String reason, String note) {

    /** A job found as files in its state folder (no note). */
    public InspectedJob(long id, String name, JobState state, long size, String sha256, Instant arrived,
                        Duration age, int pagesDone, JobOutcome outcome, String reason) {
        this(id, name, state, size, sha256, arrived, age, pagesDone, outcome, reason, null);
    }
}
