package io.paperjam.server.core;

import io.paperjam.protocol.ErrorCode;
import io.paperjam.protocol.Event;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.ProtocolException;
import io.paperjam.protocol.SupplyKind;
import io.paperjam.server.device.Device;
import io.paperjam.spool.JobOutcome;
import io.paperjam.spool.JobRecord;
import io.paperjam.spool.JobState;
import io.paperjam.spool.Spool;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The printer every front door talks to: the simulated device, the scheduler thread that prints
 * the spool's jobs on it, and the events that tell watchers about both. Thread-safe: every
 * method takes the printer's lock, which the scheduler gives up while a sheet prints and while it
 * starts or ends a job in the spool; no method here holds it across a spool or device-state fsync of
 * the scheduler's.
 */
public final class Printer implements AutoCloseable {

    /** Longest wait of {@link #close()} for the scheduler to put its job back. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    /** Longest wait of {@link #cancel} for a stopped job to be recorded as canceled. */
    static final Duration CANCEL_WAIT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(Printer.class);

    private final PrinterCore core;
    private final Thread scheduler;

    private Printer(PrinterCore core) {
        this.core = core;
        this.scheduler = new Thread(new Scheduler(core), "paperjam-scheduler");
        // daemon: a main that dies without close() must not be kept alive; progress is durable anyway
        this.scheduler.setDaemon(true);
        this.scheduler.setUncaughtExceptionHandler((t, e) ->
                LOG.error("the scheduler died; no job prints until a restart", e));
    }

    /**
     * Loads the device state from the spool (or starts with a fresh device), sets the fault
     * plan's initial faults and starts the scheduler thread. The spool has already put jobs that
     * were printing back in the queue, keeping the page they reached.
     */
    public static Printer start(Spool spool, PrinterSettings settings) {
        DeviceStore store = new DeviceStore(spool);
        Device device = store.load(settings.device());
        settings.faultPlan().initialFaults().forEach(device::setFault);
        PrinterCore core = new PrinterCore(spool, settings, device, store);
        Printer printer = new Printer(core);
        core.lock.lock();
        try {
            spool.queued().forEach(job -> {
                core.announced.add(job.id());
                core.queued.add(job.id());
            });
            store.save(device);
            core.printerChanged(false);
            LOG.info("printer ready: {} queued job(s), reasons {}, fault plan {}", core.announced.size(),
                    device.reasons(), settings.faultPlan());
        } finally {
            core.lock.unlock();
        }
        printer.scheduler.start();
        return printer;
    }

    /** The printer's state, reasons, message, supplies, queue length and the job printing. */
    public PrinterInfo status() {
        return locked(core::info);
    }

    /**
     * Jobs in the given states (null or empty: those not finished), oldest first; at most the
     * newest {@code limit} of them when {@code limit} is positive.
     */
    public List<JobInfo> jobs(List<JobStatus> states, int limit) {
        List<JobInfo> all = locked(() -> core.spool.jobs().stream().map(core::view)
                .filter(j -> states == null || states.isEmpty() ? !j.state().isTerminal() : states.contains(j.state()))
                .toList());
        return limit > 0 && all.size() > limit ? all.subList(all.size() - limit, all.size()) : all;
    }

    /** One job, also one whose document retention already pruned. */
    public Optional<JobInfo> job(long id) {
        return locked(() -> core.spool.find(id).map(core::view));
    }

    /**
     * Cancels a pending, stopped or printing job. A stopped or pending job is canceled at once; a
     * job with a sheet in the printer is canceled once that sheet is out, and the reply shows it
     * still processing with reason {@code canceling} (a job-state event follows).
     *
     * @throws ProtocolException NOT_FOUND for an unknown job, CONFLICT for one that already ended,
     *     INTERNAL when the spool cannot record the cancel
     */
    public JobInfo cancel(long id) throws ProtocolException {
        core.lock.lock();
        try {
            JobRecord record = core.spool.find(id).orElseThrow(() ->
                    new ProtocolException(ErrorCode.NOT_FOUND, "no job " + id));
            PrintingJob live = core.current;
            if (live != null && live.id == id) {
                return cancelPrinting(live);
            }
            if (record.state() == JobState.DONE) {
                throw new ProtocolException(ErrorCode.CONFLICT, "job " + id + " already ended: "
                        + core.view(record).state().wire());
            }
            JobRecord done = core.spool.finish(id, JobOutcome.CANCELED, Scheduler.CANCELED_BY_USER);
            core.announced.remove(id);
            core.queued.remove(id);
            LOG.info("job {} canceled while {}", id, record.state() == JobState.QUEUED ? "pending" : "not printing");
            JobInfo view = core.view(done);
            core.jobEvent(Event.TYPE_JOB_STATE, view, null);
            return view;
        } catch (IOException e) {
            LOG.error("cannot record the cancel of job {}: {}", id, e.toString());
            throw new ProtocolException(ErrorCode.INTERNAL, "cannot record the cancel of job " + id);
        } finally {
            core.lock.unlock();
        }
    }

    private JobInfo cancelPrinting(PrintingJob live) {
        if (!live.cancelRequested) {
            live.cancelRequested = true;
            LOG.info("cancel of job {} requested at page {}", live.id, live.pagesDone + 1);
            core.changed.signalAll();
        }
        long left = CANCEL_WAIT.toNanos();
        while (core.current == live && !live.sheetInProgress && left > 0) {
            try {
                left = core.changed.awaitNanos(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return core.view(core.spool.find(live.id).orElse(live.record));
    }

    /** Active faults by wire name: set by an operator or the fault plan, or an empty supply. */
    public List<String> faults() {
        return locked(() -> core.device.faults().stream().map(PrinterReason::wire).toList());
    }

    /**
     * Sets faults; the job printing stops after the sheet in the printer. {@code paused} pauses.
     *
     * @throws IllegalArgumentException for a warning such as low-paper, which follows the supplies
     */
    public PrinterInfo setFaults(Collection<PrinterReason> faults) {
        return change(false, () -> {
            for (PrinterReason fault : faults) {
                if (fault == PrinterReason.PAUSED) {
                    core.device.pause();
                } else {
                    core.device.setFault(fault);
                }
            }
            LOG.info("faults set: {}", faults);
        });
    }

    /** Clears set faults ({@code paused} resumes); an empty supply stays a fault until refilled. */
    public PrinterInfo clearFaults(Collection<PrinterReason> faults) {
        return change(false, () -> {
            for (PrinterReason fault : faults) {
                if (fault == PrinterReason.PAUSED) {
                    core.device.resume();
                } else {
                    core.device.clearFault(fault);
                }
            }
            LOG.info("faults cleared: {}", faults);
        });
    }

    /** Clears every set fault (not a pause, not an empty supply). */
    public PrinterInfo clearAllFaults() {
        return change(false, () -> {
            core.device.clearAllFaults();
            LOG.info("all faults cleared");
        });
    }

    /** Fills the tray, the cartridges or both, clearing paper-out or no-ink. */
    public PrinterInfo refill(SupplyKind what) {
        return change(true, () -> {
            core.device.refill(what);
            LOG.info("refilled {}", what.wire());
        });
    }

    /**
     * Sets supply levels; null leaves a supply alone; ink key {@code *} means every colour.
     *
     * @throws IllegalArgumentException for a level out of range or an unknown colour (nothing changes)
     */
    public PrinterInfo setSupplies(Integer paperSheets, Map<String, Integer> inkPercent) {
        return change(true, () -> {
            core.device.setSupplies(paperSheets, inkPercent);
            LOG.info("supplies set: paper={} ink={}", paperSheets, inkPercent);
        });
    }

    /** Holds printing after the sheet in the printer; state stopped, reason paused. */
    public PrinterInfo pause() {
        return change(false, () -> {
            core.device.pause();
            LOG.info("printer paused");
        });
    }

    public PrinterInfo resume() {
        return change(false, () -> {
            core.device.resume();
            LOG.info("printer resumed");
        });
    }

    /** Under when-faulted=reject, the fault that refuses new jobs now; otherwise empty. A pause never refuses. */
    public Optional<PrinterReason> refusal() {
        if (core.settings.whenFaulted() != WhenFaulted.REJECT) {
            return Optional.empty();
        }
        return locked(() -> core.device.faults().stream().findFirst());
    }

    /** An analyzer to feed the document's bytes while they stream to the spool. */
    public DocumentAnalyzer analyzer(String declaredFormat, String name) {
        return DocumentAnalyzer.of(declaredFormat, name);
    }

    /** A committed job is queued: publishes job-queued, wakes the scheduler, returns its view. */
    public JobInfo accepted(JobRecord committed) {
        return accept(committed).job();
    }

    /**
     * As {@link #accepted}, and also returns the printer's status with the job counted, for the reply: one
     * acquisition of the printer's lock per acknowledgement instead of one for each.
     */
    public Accepted accept(JobRecord committed) {
        return locked(() -> {
            JobRecord latest = core.spool.find(committed.id()).orElse(committed);
            // the scheduler may already have taken it (spool record still queued while it activates)
            boolean taken = core.current != null && core.current.id == latest.id();
            if (latest.state() == JobState.QUEUED && !taken) {
                core.announced.add(latest.id());
                core.queued.add(latest.id());
            }
            JobInfo view = core.view(latest);
            core.jobEvent(Event.TYPE_JOB_QUEUED, view, null);
            if (core.device.ready()) {
                // a new job matters only to a scheduler that may start one; whatever readies a stopped device signals
                core.changed.signalAll();
            }
            return new Accepted(view, core.info());
        });
    }

    /** Every later event, in order, with increasing seq; close the handle to stop. */
    public AutoCloseable watch(Consumer<Event> listener) {
        return core.events.subscribe(listener);
    }

    /**
     * Stops the scheduler after the sheet in the printer (a paced sheet is abandoned and printed
     * again later), puts the job back in the queue at the page it reached and saves the device.
     * The spool stays open; its owner closes it.
     */
    @Override
    public void close() {
        core.lock.lock();
        try {
            if (core.closing) {
                return;
            }
            core.closing = true;
            core.changed.signalAll();
            if (core.current != null && core.current.sheetInProgress) {
                scheduler.interrupt();
            }
        } finally {
            core.lock.unlock();
        }
        try {
            scheduler.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (scheduler.isAlive()) {
            LOG.warn("the scheduler did not stop within {}; the spool requeues its job on the next open", CLOSE_WAIT);
        }
        core.store.write(locked(() -> core.store.snapshot(core.device)));
        LOG.info("printer closed");
    }

    /** Applies an operator change under the lock and saves the device once the lock is free again. */
    private PrinterInfo change(boolean suppliesChanged, Runnable action) {
        DeviceStore.Snapshot[] saved = new DeviceStore.Snapshot[1];
        PrinterInfo info = locked(() -> {
            action.run();
            saved[0] = core.deviceChangedUnsaved(suppliesChanged);
            return core.info();
        });
        core.store.write(saved[0]);
        return info;
    }

    private <T> T locked(Supplier<T> action) {
        core.lock.lock();
        try {
            return action.get();
        } finally {
            core.lock.unlock();
        }
    }

}
