package io.paperjam.server.core;

import io.paperjam.protocol.Event;
import io.paperjam.spool.JobOutcome;
import io.paperjam.spool.JobRecord;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what happened to the job on the device into the spool: the page it reached, its end
 * (completed, canceled, aborted) or its return to the queue at shutdown, and tells watchers.
 * Spool failures are logged; printing goes on.
 */
final class JobRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(JobRecorder.class);

    private final PrinterCore core;

    JobRecorder(PrinterCore core) {
        this.core = core;
    }

    /** Makes the page reached and the supplies used durable; a failure is logged, printing goes on. */
    void saveProgress(PrintingJob job) {
        if (job.pagesDone != job.persistedPages) {
            try {
                job.record = core.spool.progress(job.id, job.pagesDone);
                job.persistedPages = job.pagesDone;
            } catch (IOException e) {
                LOG.warn("cannot record that job {} reached page {}: {}", job.id, job.pagesDone, e.toString());
            }
        }
        job.persistedAtNanos = System.nanoTime();
        core.store.save(core.device);
    }

    /** On shutdown: the job goes back to the queue with the page it reached, to resume after a restart. */
    void suspend(PrintingJob job) {
        core.lock.lock();
        try {
            saveProgress(job);
            core.spool.requeue(job.id);
            core.queued.add(job.id);
            LOG.info("job {} requeued at page {} for the next start", job.id, job.pagesDone);
        } catch (IOException e) {
            LOG.warn("cannot requeue job {} ({}); the spool will on its next open", job.id, e.toString());
        } finally {
            core.current = null;
            core.changed.signalAll();
            core.lock.unlock();
        }
    }

    /**
     * Records the job's end in the spool and tells watchers; false when the spool could not record it.
     * The spool and device-state writes happen without the printer's lock, so that status and new
     * jobs never wait for their fsyncs: only this thread writes the spool records of the job on the
     * device (a cancel only flags it), and the job stays {@code current} until the end is recorded.
     */
    boolean finish(PrintingJob job, JobOutcome outcome, String reason) {
        JobRecord progressed = null;
        JobRecord done = null;
        IOException failure = null;
        try {
            // the page reached goes into the same control-file write as the end (one durable change, not two)
            done = core.spool.finish(job.id, outcome, reason, job.pagesDone);
        } catch (IOException e) {
            failure = e;
            if (job.pagesDone != job.persistedPages) {
                try { // the end is not recorded: keep at least the page reached, so a restart resumes there
                    progressed = core.spool.progress(job.id, job.pagesDone);
                } catch (IOException again) {
                    LOG.warn("cannot record that job {} reached page {}: {}", job.id, job.pagesDone, again.toString());
                }
            }
        }
        DeviceStore.Snapshot snapshot;
        core.lock.lock();
        try {
            if (progressed != null) {
                job.record = progressed;
                job.persistedPages = job.pagesDone;
            }
            core.current = null;
            if (failure != null) {
                LOG.error("cannot record the end of job {} ({}); it prints again after a restart", job.id,
                        failure.toString());
                snapshot = core.store.snapshot(core.device);
                core.printerChanged(true);
            } else {
                if (outcome == JobOutcome.COMPLETED) {
                    core.device.jobPrinted();
                }
                LOG.info("job {} {} after {} page(s){}", job.id, outcome.name().toLowerCase(Locale.ROOT),
                        job.pagesDone, reason == null ? "" : ": " + reason);
                snapshot = core.store.snapshot(core.device);
                core.jobEvent(Event.TYPE_JOB_STATE, core.view(done), null);
                core.printerChanged(true);
            }
            core.changed.signalAll();
        } finally {
            core.lock.unlock();
        }
        core.store.write(snapshot);
        return failure == null;
    }
}
