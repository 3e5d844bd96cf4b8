package io.paperjam.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * One line of a {@code watch} stream: a job or printer change, numbered in the order the
 * printer made them so a watcher can tell that it missed none.
 *
 * @param event the kind of change, one of the {@code TYPE_} constants
 * @param page the page just printed, for {@link #TYPE_PAGE}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"event", "seq", "time", "page", "job", "printer"})
public record Event(String event, long seq, Instant time, Integer page, JobInfo job, PrinterInfo printer) {

    /** A job was accepted into the queue. */
    public static final String TYPE_JOB_QUEUED = "job-queued";
    /** A job changed state (started, stopped, resumed, finished). */
    public static final String TYPE_JOB_STATE = "job-state";
    /** A job printed a page. */
    public static final String TYPE_PAGE = "page";
    /** The printer changed state, reasons or supplies. */
    public static final String TYPE_PRINTER = "printer";
}
