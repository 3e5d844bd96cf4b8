package io.paperjam.client.cli;

import io.paperjam.protocol.Event;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One human line per watch event, e.g. {@code 12:00:03 job 7 page 2/3}. */
final class EventText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ZoneId zone;

    EventText(ZoneId zone) {
        this.zone = zone;
    }

    String describe(Event event) {
        return (event.time() == null ? "--:--:--" : now(event.time())) + " " + body(event);
    }

    /** The clock time an event line starts with. */
    String now(Instant time) {
        return TIME.format(time.atZone(zone));
    }

    private static String body(Event event) {
        JobInfo job = event.job();
        String type = event.event() == null ? "event" : event.event();
        return switch (type) {
            case Event.TYPE_PAGE -> job == null ? "page " + event.page()
                    : "job " + job.id() + " page " + (event.page() != null ? event.page() : job.pagesPrinted())
                    + "/" + (job.pages() == null ? "?" : job.pages());
            case Event.TYPE_JOB_QUEUED -> job == null ? "job queued" : "job " + job.id() + " queued: " + job.name()
                    + (job.user() == null ? "" : " by " + job.user())
                    + (job.pages() == null ? "" : ", " + job.pages() + " pages");
            case Event.TYPE_JOB_STATE -> job == null ? "job changed"
                    : job.state() == JobStatus.PROCESSING_STOPPED ? jobState(job) + progress(job) : jobState(job);
            case Event.TYPE_PRINTER -> PrinterText.describe(event.printer());
            default -> type;
        };
    }

    /** Where a job stands, e.g. {@code , page 3/5}; a stopped job is worth little without it. */
    static String progress(JobInfo job) {
        return ", page " + job.pagesPrinted() + "/" + (job.pages() == null ? "?" : job.pages());
    }

    static String jobState(JobInfo job) {
        String text = "job " + job.id() + " " + (job.state() == null ? "?" : job.state().wire());
        return job.reason() == null ? text : text + ": " + PrinterText.reason(job.reason());
    }
}
