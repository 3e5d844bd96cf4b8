package io.paperjam.server.core;

import io.paperjam.protocol.Event;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.spool.JobOutcome;
import io.paperjam.spool.JobRecord;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The printer's one worker thread: takes the spool's queued jobs in order and prints each page by
 * page, sheet by sheet (a page's copies one after another). Before every sheet it asks the device
 * whether it may print; a fault or pause stops the job at that point, and clearing it resumes the
 * job there, so every page prints exactly once. It holds the printer's lock except while a sheet
 * is being paced, a page read from disk, or a job started or ended in the spool (those fsyncs must
 * not hold up status and new jobs).
 */
final class Scheduler implements Runnable {

    /** Reason of a job whose document could not be read. */
    static final String DOCUMENT_UNREADABLE = "document-unreadable";
    /** Reason of a job the printer failed on for a reason of its own (see the log). */
    static final String INTERNAL_ERROR = "internal-error";
    /** Reason of a job canceled by a user or operator. */
    static final String CANCELED_BY_USER = "canceled-by-user";
    /**
     * How long an idle scheduler sleeps before looking at the spool by itself; also how long a
     * job committed without {@link Printer#accepted} waits before it prints anyway.
     */
    static final Duration IDLE_POLL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private enum Step { PRINT, CANCEL, SHUT_DOWN }

    private final PrinterCore core;
    private final Duration sheetTime;
    private final ProgressPolicy progress;
    private final JobRecorder recorder;
    /** Jobs the spool failed to start or finish; skipped until a restart rather than retried forever. */
    private final Set<Long> broken = new HashSet<>();
    private final Map<Long, Long> unannouncedSince = new HashMap<>();

    Scheduler(PrinterCore core) {
        this.core = core;
        this.sheetTime = core.settings.device().sheetTime();
        this.progress = new ProgressPolicy(core.settings.pacer().takesNoTime() || sheetTime.isZero());
        this.recorder = new JobRecorder(core);
    }

    @Override
    public void run() {
        LOG.info("scheduler started: {} ppm", core.settings.device().ppm());
        PrintingJob job;
        while ((job = nextJob()) != null) {
            if (!activate(job)) {
                continue;
            }
            try {
                print(job);
            } catch (RuntimeException e) {
                LOG.error("printing job {} failed; aborting it", job.id, e);
                lockAndFinish(job, JobOutcome.ABORTED, INTERNAL_ERROR);
            }
        }
        LOG.info("scheduler stopped");
    }

    /** Waits for a queued job and a ready device, and claims the job; null once the printer closes. */
    private PrintingJob nextJob() {
        core.lock.lock();
        try {
            while (!core.closing) {
                if (core.device.ready()) {
                    Optional<JobRecord> next = firstPrintable();
                    if (next.isPresent()) {
                        return claim(next.get());
                    }
                }
                awaitChange(IDLE_POLL);
            }
            return null;
        } finally {
            core.lock.unlock();
        }
    }

    /**
     * The oldest queued job, once its job-queued event went out (or it waited IDLE_POLL for one). The spool
     * finds it without listing the queue, so starting a job costs the same with 10 or 100,000 waiting.
     */
    private Optional<JobRecord> firstPrintable() {
        Optional<JobRecord> oldest = core.spool.firstQueued(job -> !broken.contains(job.id()));
        if (oldest.isEmpty() || core.announced.contains(oldest.get().id())) {
            return oldest;
        }
        JobRecord queued = oldest.get();
        core.queued.add(queued.id()); // committed without Printer.accepted: count it from now on
        long since = unannouncedSince.computeIfAbsent(queued.id(), id -> System.nanoTime());
        return System.nanoTime() - since >= IDLE_POLL.toNanos() ? oldest : Optional.empty();
    }

    /**
     * Under the lock: makes the job the one on the device, so that a cancel or close from now on
     * goes through the scheduler, before its spool record moves (see {@link #activate}).
     */
    private PrintingJob claim(JobRecord queued) {
        core.announced.remove(queued.id());
        core.queued.remove(queued.id());
        unannouncedSince.remove(queued.id());
        PrintingJob job = new PrintingJob(queued, System.nanoTime());
        core.current = job;
        return job;
    }

    /** Without the lock: moves the claimed job to active in the spool; false when it cannot start. */
    private boolean activate(PrintingJob job) {
        JobRecord active;
        try {
            active = core.spool.activate(job.id);
        } catch (IOException e) {
            LOG.error("cannot start job {}: {}", job.id, e.toString());
            abortUnstartable(job);
            return false;
        }
        core.lock.lock();
        try {
            job.record = active;
            job.updated = active.updated();
            LOG.debug("job {} '{}' started at page {} of {}", job.id, active.header().name(), job.pagesDone + 1,
                    job.pages == null ? "?" : job.pages);
            core.jobEvent(Event.TYPE_JOB_STATE, core.view(active), null);
            core.printerChanged(false);
            return true;
        } finally {
            core.lock.unlock();
        }
    }

    private void abortUnstartable(PrintingJob job) {
        core.lock.lock();
        try {
            core.current = null;
            broken.add(job.id);
            try {
                JobRecord aborted = core.spool.finish(job.id, JobOutcome.ABORTED, DOCUMENT_UNREADABLE);
                core.jobEvent(Event.TYPE_JOB_STATE, core.view(aborted), null);
            } catch (IOException again) {
                core.queued.add(job.id);
                LOG.error("cannot abort job {} either ({}); it stays queued, skipped until a restart", job.id,
                        again.toString());
            }
            core.printerChanged(false);
            core.changed.signalAll();
        } finally {
            core.lock.unlock();
        }
    }

    private void print(PrintingJob job) {
        try (DocumentPages document = DocumentPages.open(core.spool, job.record)) {
            if (job.pages == null) {
                int counted = document.countPages();
                withLock(() -> {
                    job.pages = counted;
                    core.countedPages.put(job.id, counted);
                });
            }
            for (int page = job.pagesDone + 1; page <= job.pages; page++) {
                document.render(page, job.pages);
                while (job.copiesDone < job.copies) {
                    Step step = awaitReady(job, page);
                    if (step == Step.CANCEL) {
                        lockAndFinish(job, JobOutcome.CANCELED, CANCELED_BY_USER);
                        return;
                    }
                    if (step == Step.SHUT_DOWN) {
                        recorder.suspend(job);
                        return;
                    }
                    if (pace(job)) {
                        sheetPrinted(job);
                    }
                }
                pagePrinted(job, page);
            }
            lockAndFinish(job, JobOutcome.COMPLETED, null);
        } catch (IOException e) {
            LOG.warn("job {} aborted: its document cannot be read: {}", job.id, e.toString());
            lockAndFinish(job, JobOutcome.ABORTED, DOCUMENT_UNREADABLE);
        }
    }

    /** Under the lock: waits until the device may print the next sheet of {@code page}, or the job ends. */
    private Step awaitReady(PrintingJob job, int page) {
        core.lock.lock();
        try {
            while (true) {
                if (job.cancelRequested) {
                    return Step.CANCEL;
                }
                if (core.closing) {
                    return Step.SHUT_DOWN;
                }
                if (job.copiesDone == 0 && job.planCheckedPage != page) {
                    job.planCheckedPage = page;
                    strike(core.injector.beforePage(job.id, page), "before page " + page + " of job " + job.id);
                }
                Optional<PrinterReason> blocker = core.device.blocker();
                if (blocker.isEmpty()) {
                    if (job.stoppedBy != null) {
                        LOG.info("job {} resumes at page {}", job.id, page);
                        job.stoppedBy = null;
                        core.jobEvent(Event.TYPE_JOB_STATE, core.view(job), null);
                    }
                    job.sheetInProgress = true;
                    return Step.PRINT;
                }
                if (job.stoppedBy != blocker.get()) {
                    LOG.info("job {} stopped before page {}: {}", job.id, page, blocker.get().wire());
                    job.stoppedBy = blocker.get();
                    recorder.saveProgress(job);
                    core.jobEvent(Event.TYPE_JOB_STATE, core.view(job), null);
                }
                awaitChange(null);
            }
        } finally {
            core.lock.unlock();
        }
    }

    /** Spends one sheet's time without the lock; false when interrupted (the sheet is not printed). */
    private boolean pace(PrintingJob job) {
        try {
            core.settings.pacer().awaitPage(sheetTime);
            return true;
        } catch (InterruptedException e) {
            return false;
        } finally {
            core.lock.lock();
            job.sheetInProgress = false;
            Thread.interrupted(); // a close() interrupt is for the pacing only; the spool must not see it
            core.lock.unlock();
        }
    }

    private void sheetPrinted(PrintingJob job) {
        core.lock.lock();
        try {
            if (core.device.printSheet()) {
                job.copiesDone++;
                strike(core.injector.afterSheet(), "after sheet " + core.device.sheetsPrinted());
            }
            core.printerChanged(false);
        } finally {
            core.lock.unlock();
        }
    }

    private void pagePrinted(PrintingJob job, int page) {
        core.lock.lock();
        try {
            job.pagesDone = page;
            job.copiesDone = 0;
            job.updated = core.settings.clock().instant();
            core.device.pagePrinted();
            core.injector.pagePrinted();
            core.jobEvent(Event.TYPE_PAGE, core.view(job), page);
            if (progress.due(job, System.nanoTime())) {
                recorder.saveProgress(job);
            }
        } finally {
            core.lock.unlock();
        }
    }

    private void strike(List<PrinterReason> faults, String when) {
        if (!faults.isEmpty()) {
            LOG.info("fault plan: {} {}", faults, when);
            faults.forEach(core.device::setFault);
            core.deviceChanged(false);
        }
    }

    private void lockAndFinish(PrintingJob job, JobOutcome outcome, String reason) {
        if (!recorder.finish(job, outcome, reason)) {
            broken.add(job.id);
        }
    }

    private void withLock(Runnable action) {
        core.lock.lock();
        try {
            action.run();
        } finally {
            core.lock.unlock();
        }
    }

    /** Waits for a signal (or the timeout); an interrupt is only a wake-up, the loop re-checks. */
    private void awaitChange(Duration timeout) {
        try {
            if (timeout == null) {
                core.changed.await();
            } else {
                core.changed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            // close() sets closing before it interrupts; the caller's loop sees it
        }
    }
}
