package io.paperjam.spool;

/** How a job that reached {@link JobState#DONE} ended. */
public enum JobOutcome {
    COMPLETED,
    CANCELED,
    ABORTED
}
