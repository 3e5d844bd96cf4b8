package io.paperjam.client.cli;

import io.paperjam.client.PrintClient;
import io.paperjam.protocol.JobInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** print-client job ID: everything the printer knows about one job. */
@Command(name = "job", mixinStandardHelpOptions = true,
        description = "Show one job in detail, also after it finished.",
        footerHeading = "%nExamples:%n", footer = {"  print-client job 7", "  print-client job 7 --json"})
final class JobCommand extends ClientCommand {

    @Parameters(paramLabel = "ID", description = "the job id")
    long id;

    @Override
    protected int run() throws Exception {
        JobInfo job;
        try (PrintClient client = connect()) {
            job = client.job(id);
        }
        if (json()) {
            printJson(job);
            return ExitCodes.OK;
        }
        row("job", Long.toString(job.id()));
        row("name", job.name());
        row("state", job.state().wire() + (job.reason() == null ? "" : " (" + PrinterText.reason(job.reason()) + ")"));
        row("user", job.user());
        row("format", job.format());
        row("size", Sizes.human(job.size()) + " (" + job.size() + " bytes)");
        row("sha256", job.sha256());
        row("copies", Integer.toString(job.copies()));
        row("pages", job.pagesPrinted() + " of " + (job.pages() == null ? "?" : job.pages()) + " printed");
        row("submitted", job.submitted() == null ? null : job.submitted().toString());
        row("updated", job.updated() == null ? null : job.updated().toString());
        out().flush();
        return ExitCodes.OK;
    }

    private void row(String label, String value) {
        if (value != null) {
            out().printf("%-10s %s%n", label + ":", value);
        }
    }
}
