package io.paperjam.spool;

import java.time.Duration;
import java.time.Instant;

/** One job as {@link SpoolInspector} found it on disk. */
public record InspectedJob(long id, String name, JobState state, long size, String sha256, Instant arrived,
                           Duration age, int pagesDone, JobOutcome outcome, String reason) {
}
