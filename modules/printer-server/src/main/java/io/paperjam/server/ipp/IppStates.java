package io.paperjam.server.ipp;

import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.PrinterState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Translates the device's and the jobs' states into IPP's vocabulary: {@code printer-state},
 * {@code printer-state-reasons} with severity suffixes (RFC 8011 section 5.4.12, PWG 5100.9) and
 * {@code job-state-reasons} (RFC 8011 section 5.3.8).
 */
final class IppStates {

    /** What an IPP client sees in job-state-reasons while a Create-Job waits for its document. */
    static final String JOB_INCOMING = "job-incoming";

    private IppStates() {
    }

    static int printerState(PrinterState state) {
        return switch (state) {
            case IDLE -> 3;
            case PROCESSING -> 4;
            case STOPPED -> 5;
        };
    }

    /** The printer's reasons as IPP keywords, or {@code none}. */
    static List<String> printerReasons(PrinterInfo info) {
        Set<String> keywords = new LinkedHashSet<>();
        for (String wire : info.reasons() == null ? List.<String>of() : info.reasons()) {
            keywords.addAll(keywords(wire));
        }
        return keywords.isEmpty() ? List.of("none") : new ArrayList<>(keywords);
    }

    /**
     * One friendly reason as IPP keywords. Some faults have two registered keywords that clients
     * look for (an empty tray is both media-empty and media-needed), so both are sent.
     */
    static List<String> keywords(String wire) {
        Optional<PrinterReason> reason = PrinterReason.fromWire(wire);
        if (reason.isEmpty()) {
            return List.of(wire + "-report");
        }
        return switch (reason.get()) {
            case PAPER_OUT -> List.of("media-empty-error", "media-needed-error");
            case COVER_OPEN -> List.of("door-open-error", "cover-open-error");
            // CUPS and ippeveprinter report these two without an error suffix
            case OFFLINE -> List.of("offline-report");
            case PAUSED -> List.of("paused");
            default -> List.of(reason.get().ippKeyword() + suffix(reason.get().severity()));
        };
    }

    private static String suffix(PrinterReason.Severity severity) {
        return switch (severity) {
            case ERROR -> "-error";
            case WARNING -> "-warning";
            case REPORT -> "-report";
        };
    }

    /**
     * The job's job-state-reasons. A job waiting while the printer is stopped (a fault, or paused)
     * carries printer-stopped, as RFC 8011 section 5.3.8 asks, so a client can tell why it waits.
     */
    static List<String> jobReasons(JobInfo job, boolean printerStopped) {
        String reason = job.reason();
        boolean stopped = printerStopped || reason != null;
        return switch (job.state()) {
            case PENDING -> stopped ? List.of("job-queued", "printer-stopped") : List.of("job-queued");
            case PENDING_HELD -> List.of(JOB_INCOMING.equals(reason) ? JOB_INCOMING : "job-hold-until-specified");
            case PROCESSING -> List.of("job-printing");
            case PROCESSING_STOPPED -> List.of("printer-stopped");
            case COMPLETED -> List.of("job-completed-successfully");
            case CANCELED -> List.of(reason != null && reason.contains("operator")
                    ? "job-canceled-by-operator" : "job-canceled-by-user");
            case ABORTED -> List.of("aborted-by-system");
        };
    }

    /** A sentence for job-state-message. */
    static String jobMessage(JobInfo job, String printerMessage) {
        String reason = job.reason();
        String why = reason == null ? null
                : PrinterReason.fromWire(reason).map(PrinterReason::meaning).orElse(reason);
        return switch (job.state()) {
            case PENDING -> why == null && printerMessage == null ? "queued"
                    : "queued; the printer is stopped: " + (why != null ? why : printerMessage);
            case PENDING_HELD -> JOB_INCOMING.equals(reason) ? "waiting for its document" : "held";
            case PROCESSING -> "printing page " + Math.min(job.pagesPrinted() + 1, pagesOr(job, job.pagesPrinted() + 1));
            case PROCESSING_STOPPED -> "stopped: " + (why == null ? "the printer is stopped" : why);
            case COMPLETED -> "completed";
            case CANCELED -> "canceled" + (why == null ? "" : ": " + why);
            case ABORTED -> "aborted" + (why == null ? "" : ": " + why);
        };
    }

    private static int pagesOr(JobInfo job, int fallback) {
        return job.pages() == null ? fallback : job.pages();
    }

    static boolean isCompleted(JobStatus state) {
        return state.isTerminal();
    }
}
