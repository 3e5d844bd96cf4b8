package io.paperjam.server.ipp;

import io.paperjam.protocol.PrinterInfo;

/**
 * One snapshot of what Get-Printer-Attributes reports: the device's status and the facts around it.
 *
 * @param authority the host and port the client addressed us by
 * @param upTime printer-up-time, in seconds since the epoch as CUPS does, so job times compare to it
 * @param queuedJobs jobs pending, printing or stopped, plus created jobs awaiting their document
 */
record PrinterView(PrinterInfo status, boolean accepting, String authority, int upTime, int queuedJobs) {
}
