package io.paperjam.server.core;

import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.PrinterInfo;

/**
 * What a front door tells the client that submitted a job: the job as queued and the printer's status
 * right after, both read in one acquisition of the printer's lock (see {@link Printer#accept}).
 *
 * @param job     the committed job's view
 * @param printer the printer's state, reasons and queue length, with the job counted
 */
public record Accepted(JobInfo job, PrinterInfo printer) {
}
