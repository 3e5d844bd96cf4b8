package io.paperjam.server.ipp;

import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.PrinterInfo;
import java.util.List;
import java.util.Map;

/** The printer's embedded web page (printer-more-info): its state, reasons, supplies and jobs, in plain HTML. */
final class IppStatusPage {

    private IppStatusPage() {
    }

    /** The page as {@code authority} (the Host the browser used) sees it now; reads the spool, so not on an event loop. */
    static String render(IppContext context, String authority) {
        return render(context.settings(), context.view(authority),
                context.printer().jobs(null, JobOperations.MAX_JOBS_LISTED));
    }

    static String render(IppSettings settings, PrinterView view, List<JobInfo> jobs) {
        PrinterInfo status = view.status();
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(settings.printerName())).append("</title></head><body>\n<h1>")
                .append(escape(settings.printerName())).append("</h1>\n<p>").append(escape(settings.makeAndModel()))
                .append("</p>\n<p>State: <b>").append(status.state().wire()).append("</b> &mdash; ")
                .append(escape(status.message() == null ? "ready" : status.message())).append("</p>\n<p>Reasons: ")
                .append(escape(String.join(", ", IppStates.printerReasons(status)))).append("</p>\n");
        if (status.supplies() != null) {
            html.append("<h2>Supplies</h2>\n<ul>\n");
            if (status.supplies().paper() != null) {
                html.append("<li>Paper: ").append(status.supplies().paper().sheets()).append(" of ")
                        .append(status.supplies().paper().capacity()).append(" sheets</li>\n");
            }
            Map<String, Integer> ink = status.supplies().ink() == null ? Map.of() : status.supplies().ink();
            ink.forEach((colour, level) -> html.append("<li>").append(escape(colour)).append(" ink: ")
                    .append(level).append("%</li>\n"));
            html.append("</ul>\n");
        }
        html.append("<h2>Jobs</h2>\n<table border=\"1\"><tr><th>id</th><th>name</th><th>user</th><th>state</th>"
                + "<th>pages</th></tr>\n");
        for (JobInfo job : jobs) {
            html.append("<tr><td>").append(job.id()).append("</td><td>").append(escape(job.name()))
                    .append("</td><td>").append(escape(job.user())).append("</td><td>").append(job.state().wire())
                    .append("</td><td>").append(job.pagesPrinted()).append('/')
                    .append(job.pages() == null ? "?" : job.pages()).append("</td></tr>\n");
        }
        html.append("</table>\n<p>Print here: <code>").append(escape(IppUris.printer(view.authority()).toString()))
                .append("</code></p>\n</body></html>\n");
        return html.toString();
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
