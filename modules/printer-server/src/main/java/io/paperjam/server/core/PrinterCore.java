package io.paperjam.server.core;

import io.paperjam.protocol.Event;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.PrinterState;
import io.paperjam.server.device.Device;
import io.paperjam.spool.JobRecord;
import io.paperjam.spool.Spool;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The state the {@link Printer} facade and the {@link Scheduler} share, behind one lock: the
 * device, the job on it, the jobs announced to watchers, and the events that describe changes.
 * Every method here expects the caller to hold {@link #lock}.
 */
final class PrinterCore {

    final ReentrantLock lock = new ReentrantLock();
    /** Signalled on every change a waiting scheduler or cancel may care about. */
    final Condition changed = lock.newCondition();
    final Spool spool;
    final PrinterSettings settings;
    final Device device;
    final DeviceStore store;
    final EventBus events;
    final FaultInjector injector;
    /** Queued jobs whose job-queued event went out; the scheduler prefers them (see Scheduler). */
    final Set<Long> announced = new HashSet<>();
    /**
     * Jobs queued in the spool as the printer knows them (committed and accepted, requeued, or found
     * by the scheduler), so that status counts the queue in constant time instead of scanning the
     * spool's index. A job leaves it when the scheduler takes it or a cancel ends it.
     */
    final Set<Long> queued = new HashSet<>();
    /** Page counts the scheduler learned from documents whose record has none (since start). */
    final Map<Long, Integer> countedPages = new HashMap<>();
    PrintingJob current;
    boolean closing;
    private String lastPrinterKey;

    PrinterCore(Spool spool, PrinterSettings settings, Device device, DeviceStore store) {
        this.spool = spool;
        this.settings = settings;
        this.device = device;
        this.store = store;
        this.events = new EventBus(settings.clock());
        this.injector = new FaultInjector(settings.faultPlan());
    }

    PrinterInfo info() {
        List<PrinterReason> reasons = device.reasons();
        PrinterState state = device.blocker().isPresent() ? PrinterState.STOPPED
                : current != null ? PrinterState.PROCESSING : PrinterState.IDLE;
        String message = reasons.isEmpty() ? null : reasons.get(0).wire() + ": " + reasons.get(0).meaning();
        String[] wire = new String[reasons.size()];     // built under the printer's lock for every acknowledgement
        for (int i = 0; i < wire.length; i++) {
            wire[i] = reasons.get(i).wire();
        }
        return new PrinterInfo(state, List.of(wire), message,
                device.supplies(), queued.size(), current == null ? null : current.id);
    }

    JobInfo view(JobRecord record) {
        return JobViews.of(record, current, device.blocker(), countedPages.get(record.id()));
    }

    /** The live view of the job on the device, from its latest spool record. */
    JobInfo view(PrintingJob job) {
        return view(spool.find(job.id).orElse(job.record));
    }

    /** After any device change: save it, tell watchers if the printer looks different, wake waiters. */
    void deviceChanged(boolean suppliesChanged) {
        store.save(device);
        printerChanged(suppliesChanged);
        changed.signalAll();
    }

    /**
     * As {@link #deviceChanged} but returns the state to save, for the caller to write once it has
     * let go of the lock (so that status and new jobs do not wait for the fsync).
     */
    DeviceStore.Snapshot deviceChangedUnsaved(boolean suppliesChanged) {
        DeviceStore.Snapshot snapshot = store.snapshot(device);
        printerChanged(suppliesChanged);
        changed.signalAll();
        return snapshot;
    }

    /** Publishes a printer event when state or reasons changed since the last one, or when forced. */
    void printerChanged(boolean force) {
        PrinterInfo info = info();
        String key = info.state() + " " + info.reasons() + " " + info.printing();
        if (force || !key.equals(lastPrinterKey)) {
            lastPrinterKey = key;
            events.publish(Event.TYPE_PRINTER, null, null, info);
        }
    }

    void jobEvent(String type, JobInfo job, Integer page) {
        events.publish(type, page, job, null);
    }
}
