package io.paperjam.client.cli;

import io.paperjam.client.PrintClient;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** print-client jobs: a table of jobs, unfinished ones unless asked for more. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "List jobs: id, state, name, user, pages printed/pages, size and reason. "
                + "Without options, the jobs not yet finished.",
        footerHeading = "%nExamples:%n",
        footer = {"  print-client jobs", "  print-client jobs --all --limit 20",
            "  print-client jobs --state processing-stopped --state pending", "  print-client jobs --json"})
final class JobsCommand extends ClientCommand {

    @Option(names = "--all", description = "include completed, canceled and aborted jobs")
    boolean all;

    @Option(names = "--state", paramLabel = "STATE", converter = JobStatusConverter.class,
            description = "only jobs in this state (repeatable): pending, pending-held, processing, "
                    + "processing-stopped, canceled, aborted, completed")
    List<JobStatus> states;

    @Option(names = "--limit", paramLabel = "N", description = "at most N jobs")
    Integer limit;

    @Override
    protected int run() throws Exception {
        if (limit != null && limit < 1) {
            throw new CliException(ExitCodes.USAGE, "--limit must be at least 1");
        }
        List<JobStatus> wanted = states != null && !states.isEmpty() ? states
                : all ? Arrays.asList(JobStatus.values()) : null;
        List<JobInfo> jobs;
        try (PrintClient client = connect()) {
            jobs = client.jobs(wanted, limit);
        }
        if (json()) {
            jobs.forEach(this::printJson);
            return ExitCodes.OK;
        }
        if (jobs.isEmpty()) {
            out().println(all || wanted != null ? "no jobs" : "no jobs waiting or printing (--all shows finished ones)");
        } else {
            JobTable.render(jobs).forEach(out()::println);
        }
        out().flush();
        return ExitCodes.OK;
    }
}
