package io.paperjam.server.core;

import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.spool.JobRecord;
import java.util.Optional;

/**
 * Turns a spool record into the job clients see: QUEUED is pending, ACTIVE is processing (or
 * processing-stopped with the printer's reason while the device is stopped), DONE is completed,
 * canceled or aborted. The live job on the device overrides the spool's lagging page count.
 */
final class JobViews {

    /** The reason shown while a cancel waits for the sheet in the printer. */
    static final String CANCELING = "canceling";

    private JobViews() {
    }

    static JobInfo of(JobRecord r, PrintingJob live, Optional<PrinterReason> blocker, Integer counted) {
        JobStatus state;
        String reason = null;
        Integer pages = r.pages() != null ? r.pages() : counted;
        int printed = r.pagesDone();
        java.time.Instant updated = r.updated();
        switch (r.state()) {
            case QUEUED -> state = JobStatus.PENDING;
            case ACTIVE -> {
                state = JobStatus.PROCESSING;
                if (live != null && live.id == r.id()) {
                    pages = live.pages;
                    printed = live.pagesDone;
                    updated = live.updated;
                    if (live.cancelRequested) {
                        reason = CANCELING;
                    } else if (blocker.isPresent()) {
                        state = JobStatus.PROCESSING_STOPPED;
                        reason = blocker.get().wire();
                    }
                }
            }
            default -> {
                state = switch (r.outcome()) {
                    case COMPLETED -> JobStatus.COMPLETED;
                    case CANCELED -> JobStatus.CANCELED;
                    case ABORTED -> JobStatus.ABORTED;
                };
                reason = r.reason();
            }
        }
        return new JobInfo(r.id(), r.header().name(), r.header().user(), r.header().format(), state, reason,
                r.size(), r.sha256(), r.header().copies(), pages, printed, r.arrived(), updated);
    }
}
