package io.paperjam.client.cli;

import io.paperjam.client.PrintClient;
import io.paperjam.client.Watch;
import io.paperjam.protocol.Event;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.Json;
import io.paperjam.protocol.PrinterInfo;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

/**
 * Follows one job to its end over a watch connection, printing page progress, and says how it
 * ended as an exit status: 0 completed, 1 aborted or canceled, 3 still stopped at the deadline,
 * 4 still going at the deadline. The watch opens before the job is looked up, so no change is missed.
 */
final class JobFollower {

    private final PrintClient client;
    private final PrintWriter out;
    private final boolean json;
    private final EventText text;

    JobFollower(PrintClient client, PrintWriter out, boolean json, EventText text) {
        this.client = client;
        this.out = out;
        this.json = json;
        this.text = text;
    }

    int follow(long id, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Watch watch = client.watch()) {
            JobInfo job = client.job(id);
            if (!job.state().isTerminal()) {
                // where the job stands now that every later change will be seen
                out.println(json ? Json.text(job) : EventText.jobState(job) + EventText.progress(job));
                out.flush();
            }
            String lastPrinter = null;
            while (!job.state().isTerminal()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return timedOut(client.job(id), timeout);
                }
                Optional<Event> next = watch.next(Duration.ofNanos(left));
                if (next.isEmpty()) {
                    continue;
                }
                Event event = next.get();
                if (event.job() != null && event.job().id() == id) {
                    job = event.job();
                    print(event);
                } else if (Event.TYPE_PRINTER.equals(event.event()) && event.printer() != null) {
                    String now = PrinterText.describe(event.printer());
                    if (!now.equals(lastPrinter)) {
                        print(event);
                        lastPrinter = now;
                    }
                }
            }
            return finished(job);
        }
    }

    private int finished(JobInfo job) {
        if (json) {
            out.println(Json.text(job));
        } else if (job.state() == JobStatus.COMPLETED) {
            out.println("job " + job.id() + " completed" + (job.pages() == null ? "" : " (" + job.pages() + " pages)"));
        } else {
            out.println(EventText.jobState(job));
        }
        out.flush();
        return job.state() == JobStatus.COMPLETED ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private int timedOut(JobInfo job, Duration timeout) throws Exception {
        PrinterInfo printer = client.status();
        String where = "job " + job.id() + " not finished after " + timeout.toSeconds() + " s ("
                + job.state().wire() + EventText.progress(job) + ")";
        if (PrinterText.stopped(printer)) {
            throw new CliException(ExitCodes.PRINTER_STOPPED, where + ": " + PrinterText.describe(printer));
        }
        throw new CliException(ExitCodes.UNREACHABLE, where);
    }

    private void print(Event event) {
        out.println(json ? Json.text(event) : text.describe(event));
        out.flush();
    }
}
