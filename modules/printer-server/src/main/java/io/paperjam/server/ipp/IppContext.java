package io.paperjam.server.ipp;

import io.paperjam.server.core.Printer;
import io.paperjam.spool.Spool;
import java.time.Clock;

/** What every IPP operation works with: the door's settings, the printer, the spool and the open jobs. */
record IppContext(IppSettings settings, Printer printer, Spool spool, OpenJobs openJobs, Clock clock) {

    /** printer-up-time and every job time: epoch seconds, as CUPS reports them. */
    int upTime() {
        return (int) Math.min(Integer.MAX_VALUE, clock.instant().getEpochSecond());
    }

    /** Jobs pending, printing or stopped, plus created jobs awaiting their document. */
    int queuedJobs() {
        return printer.jobs(null, JobOperations.MAX_JOBS_LISTED).size() + openJobs.size();
    }

    PrinterView view(String authority) {
        return new PrinterView(printer.status(), printer.refusal().isEmpty(), authority, upTime(), queuedJobs());
    }

}
