package io.paperjam.server.ipp;

import com.hp.jipp.encoding.Attribute;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A job's IPP attributes (RFC 8011 section 5.3) from the printer's view of it. Times are in the same
 * epoch seconds as printer-up-time.
 */
final class JobAttributes {

    static final String DESCRIPTION = "job-description";
    static final String TEMPLATE = "job-template";
    /** What Get-Jobs returns when requested-attributes is absent (RFC 8011 section 4.2.6.1). */
    static final Set<String> GET_JOBS_DEFAULT = Set.of("job-id", "job-uri");

    private JobAttributes() {
    }

    /** The minimal set a job-creating operation answers with (RFC 8011 section 4.2.1.2). */
    static List<Attribute<?>> created(JobInfo job, String authority, PrinterInfo printer) {
        return List.of(
                IppAttrs.uri("job-uri", IppUris.job(authority, job.id())),
                IppAttrs.integer("job-id", (int) job.id()),
                IppAttrs.enums("job-state", job.state().ippEnum()),
                IppAttrs.keywords("job-state-reasons", IppStates.jobReasons(job, stopped(printer))),
                IppAttrs.text("job-state-message", IppStates.jobMessage(job, stoppedMessage(printer))));
    }

    static List<Attribute<?>> build(JobInfo job, String authority, int upTime, PrinterInfo printer,
                                    RequestedAttributes wanted) {
        List<Attribute<?>> all = new ArrayList<>(wanted.select(description(job, authority, upTime, printer),
                DESCRIPTION));
        all.addAll(wanted.select(template(job), TEMPLATE));
        return all;
    }

    private static List<Attribute<?>> description(JobInfo job, String authority, int upTime, PrinterInfo printer) {
        List<Attribute<?>> a = new ArrayList<>();
        a.add(IppAttrs.integer("job-id", (int) job.id()));
        a.add(IppAttrs.uri("job-uri", IppUris.job(authority, job.id())));
        a.add(IppAttrs.uri("job-printer-uri", IppUris.printer(authority)));
        a.add(IppAttrs.uri("job-more-info", IppUris.moreInfo(authority)));
        a.add(IppAttrs.name("job-name", job.name() == null ? "job " + job.id() : job.name()));
        a.add(IppAttrs.name("job-originating-user-name", job.user() == null ? IppRequest.ANONYMOUS : job.user()));
        a.add(IppAttrs.enums("job-state", job.state().ippEnum()));
        a.add(IppAttrs.keywords("job-state-reasons", IppStates.jobReasons(job, stopped(printer))));
        a.add(IppAttrs.text("job-state-message", IppStates.jobMessage(job, stoppedMessage(printer))));
        a.add(IppAttrs.integer("number-of-documents", job.state() == JobStatus.PENDING_HELD ? 0 : 1));
        if (job.format() != null) {
            a.add(IppAttrs.mimeType("document-format-supplied", job.format()));
        }
        a.add(IppAttrs.integer("time-at-creation", seconds(job.submitted())));
        a.add(processingTime(job));
        a.add(job.state().isTerminal() ? IppAttrs.integer("time-at-completed", seconds(job.updated()))
                : IppAttrs.noValue("time-at-completed"));
        a.add(IppAttrs.integer("job-printer-up-time", upTime));
        a.add(IppAttrs.dateTime("date-time-at-creation", job.submitted()));
        a.add(job.state().isTerminal() ? IppAttrs.dateTime("date-time-at-completed", job.updated())
                : IppAttrs.noValue("date-time-at-completed"));
        a.add(IppAttrs.integer("job-k-octets", (int) Math.min(Integer.MAX_VALUE, (job.size() + 1023) / 1024)));
        int copies = Math.max(1, job.copies());
        a.add(job.pages() == null ? IppAttrs.noValue("job-impressions")
                : IppAttrs.integer("job-impressions", job.pages() * copies));
        a.add(job.pages() == null ? IppAttrs.noValue("job-media-sheets")
                : IppAttrs.integer("job-media-sheets", job.pages() * copies));
        a.add(IppAttrs.integer("job-impressions-completed", job.pagesPrinted() * copies));
        a.add(IppAttrs.integer("job-media-sheets-completed", job.pagesPrinted() * copies));
        return a;
    }

    /** When printing began, if the job got that far: the printer only records the last change. */
    private static Attribute<?> processingTime(JobInfo job) {
        boolean printing = job.state() == JobStatus.PROCESSING || job.state() == JobStatus.PROCESSING_STOPPED;
        return printing ? IppAttrs.integer("time-at-processing", seconds(job.updated()))
                : IppAttrs.noValue("time-at-processing");
    }

    private static List<Attribute<?>> template(JobInfo job) {
        return List.of(IppAttrs.integer("copies", Math.max(1, job.copies())));
    }

    private static boolean stopped(PrinterInfo printer) {
        return printer.state() == PrinterState.STOPPED;
    }

    private static String stoppedMessage(PrinterInfo printer) {
        return stopped(printer) ? printer.message() : null;
    }

    private static int seconds(Instant when) {
        return when == null ? 0 : (int) Math.min(Integer.MAX_VALUE, when.getEpochSecond());
    }
}
