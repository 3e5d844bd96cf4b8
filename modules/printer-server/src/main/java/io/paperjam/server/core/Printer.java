package io.paperjam.server.core;

import io.paperjam.protocol.Event;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.ProtocolException;
import io.paperjam.protocol.SupplyKind;
import io.paperjam.spool.JobRecord;
import io.paperjam.spool.Spool;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The printer every front door talks to: the simulated device, the scheduler that prints the
 * spool's jobs on it, and the events that tell watchers about both. Thread-safe.
 */
public final class Printer implements AutoCloseable {

    private Printer() {
    }

    /** Loads device state from the spool, requeues interrupted jobs and starts the scheduler thread. */
    public static Printer start(Spool spool, PrinterSettings settings) {
        throw new UnsupportedOperationException("not yet");
    }

    public PrinterInfo status() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Jobs in the given states (null: those not finished), the newest {@code limit}, oldest first. */
    public List<JobInfo> jobs(List<JobStatus> states, int limit) {
        throw new UnsupportedOperationException("not yet");
    }

    /** One job, also from pruned history. */
    public Optional<JobInfo> job(long id) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Cancels a pending, stopped or printing job; NOT_FOUND, or CONFLICT when it already ended. */
    public JobInfo cancel(long id) throws ProtocolException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Active faults (operator, plan and supply) by wire name, errors only. */
    public List<String> faults() {
        throw new UnsupportedOperationException("not yet");
    }

    public PrinterInfo setFaults(Collection<PrinterReason> faults) {
        throw new UnsupportedOperationException("not yet");
    }

    public PrinterInfo clearFaults(Collection<PrinterReason> faults) {
        throw new UnsupportedOperationException("not yet");
    }

    public PrinterInfo clearAllFaults() {
        throw new UnsupportedOperationException("not yet");
    }

    public PrinterInfo refill(SupplyKind what) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Sets levels; null leaves a supply as it is; ink key "*" means every colour. */
    public PrinterInfo setSupplies(Integer paperSheets, Map<String, Integer> inkPercent) {
        throw new UnsupportedOperationException("not yet");
    }

    public PrinterInfo pause() {
        throw new UnsupportedOperationException("not yet");
    }

    public PrinterInfo resume() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Under when-faulted=reject, the fault that refuses new jobs now; otherwise empty. */
    public Optional<PrinterReason> refusal() {
        throw new UnsupportedOperationException("not yet");
    }

    /** An analyzer to feed the document's bytes while they stream to the spool. */
    public DocumentAnalyzer analyzer(String declaredFormat, String name) {
        return DocumentAnalyzer.of(declaredFormat, name);
    }

    /** A committed job is queued: publishes job-queued, wakes the scheduler, returns its view. */
    public JobInfo accepted(JobRecord committed) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Every later event, in order; close the handle to stop. */
    public AutoCloseable watch(Consumer<Event> listener) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Stops the scheduler after the current page and persists the device state. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet");
    }
}
