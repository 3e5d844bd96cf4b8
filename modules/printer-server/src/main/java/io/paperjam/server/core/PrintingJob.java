package io.paperjam.server.core;

import io.paperjam.protocol.PrinterReason;
import io.paperjam.spool.JobRecord;
import java.time.Instant;

/**
 * The job on the device and how far it got: pages and copies of the current page printed,
 * whether it is stopped, being canceled or mid-sheet. Guarded by the printer's lock.
 */
final class PrintingJob {

    final long id;
    final int copies;
    JobRecord record;
    /** Page count, or null until counted from the document. */
    Integer pages;
    int pagesDone;
    /** Copies of page {@code pagesDone + 1} already printed (kept across a stop, not a restart). */
    int copiesDone;
    /** Pages made durable in the spool. */
    int persistedPages;
    long persistedAtNanos;
    /** The reason the job is stopped, or null while it prints. */
    PrinterReason stoppedBy;
    boolean cancelRequested;
    /** True while the scheduler paces a sheet without the lock; only then may close() interrupt it. */
    boolean sheetInProgress;
    /** The page the fault plan was last asked about, so each page asks once. */
    int planCheckedPage;
    Instant updated;

    PrintingJob(JobRecord record, long nowNanos) {
        this.id = record.id();
        this.copies = record.header().copies();
        this.record = record;
        this.pages = record.pages() == null ? null : Math.max(1, record.pages());
        this.pagesDone = record.pagesDone();
        this.persistedPages = record.pagesDone();
        this.persistedAtNanos = nowNanos;
        this.updated = record.updated();
    }
}
