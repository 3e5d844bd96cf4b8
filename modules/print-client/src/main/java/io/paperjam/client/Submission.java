package io.paperjam.client;

import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterState;

/**
 * A job the printer accepted, with the printer's state at that moment.
 *
 * @param message the printer's remark, for example that it is stopped and why; may be null
 */
public record Submission(JobInfo job, PrinterInfo printer, String message) {

    /** True when the job was queued but the printer is stopped, so it will not print until someone acts. */
    public boolean printerStopped() {
        return printer != null && printer.state() == PrinterState.STOPPED;
    }
}
