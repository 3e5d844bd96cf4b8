package io.paperjam.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperjam.client.PrintClient;
import io.paperjam.client.PrinterException;
import io.paperjam.client.ProgressListener;
import io.paperjam.client.Submission;
import io.paperjam.client.SubmitOptions;
import io.paperjam.protocol.Json;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** print-client submit: sends documents, with their SHA-256, and reports each job id and the printer's state. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit documents to print. Each is sent with its SHA-256, which the printer verifies.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  print-client submit report.pdf",
            "  print-client submit a.pdf b.ps notes.txt --copies 2",
            "  cat page.pcl | print-client submit - --name page.pcl",
            "  print-client submit report.pdf --wait --wait-timeout 120",
            "",
            "Exit status 3 when the printer is stopped (the job may be queued, or refused), 1 when a",
            "document was refused for another reason or a waited-for job was aborted or canceled."})
final class SubmitCommand extends ClientCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "documents to print; - reads standard input")
    List<String> files;

    @Option(names = "--name", paramLabel = "NAME", description = "job name (default: the file name, or 'stdin')")
    String name;

    @Option(names = "--copies", paramLabel = "N", description = "copies of each document (1-" + Protocol.MAX_COPIES + ")")
    Integer copies;

    @Option(names = "--format", paramLabel = "MIME", description = "document format (default: detected from content "
            + "and extension: application/pdf, application/postscript, application/vnd.hp-pcl, text/plain, "
            + "application/octet-stream)")
    String format;

    @Option(names = "--pages", paramLabel = "N", description = "page count, if the printer should not count them")
    Integer pages;

    @Option(names = "--user", paramLabel = "USER", description = "submitting user (default: your login name)")
    String user;

    @Option(names = "--wait", description = "follow each job to its end with live page progress")
    boolean waitForJobs;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "give up waiting after this long (default: ${DEFAULT-VALUE})")
    long waitTimeoutSeconds;

    @Override
    protected int run() throws Exception {
        validate();
        int status = ExitCodes.OK;
        List<Long> accepted = new ArrayList<>();
        try (PrintClient client = connect()) {
            for (String file : files) {
                Outcome outcome = submitOne(client, file);
                status = ExitCodes.worst(status, outcome.status());
                if (outcome.submission() != null) {
                    accepted.add(outcome.submission().job().id());
                }
            }
            if (waitForJobs) {
                // the printer's state at submission no longer matters: how the jobs end does
                status = accepted.size() < files.size() ? ExitCodes.FAILED : ExitCodes.OK;
                JobFollower follower = new JobFollower(client, out(), json(), new EventText(environment().zone()));
                for (long id : accepted) {
                    status = ExitCodes.worst(status, follower.follow(id, Duration.ofSeconds(waitTimeoutSeconds)));
                }
            }
        }
        return status;
    }

    /** How one file went: its submission, or null when it was not queued; and the exit status it calls for. */
    private record Outcome(Submission submission, int status) {
    }

    private Outcome submitOne(PrintClient client, String file) throws Exception {
        boolean stdin = file.equals("-");
        Path path = stdin ? StdinSpooler.spool(environment().stdin()) : environment().workingDir().resolve(file);
        try {
            if (!stdin && !Files.isRegularFile(path)) {
                err().println("print-client: " + file + ": " + (Files.exists(path) ? "not a regular file" : "no such file"));
                err().flush();
                return new Outcome(null, ExitCodes.FAILED);
            }
            String label = stdin ? "stdin" : path.getFileName().toString();
            SubmitOptions options = SubmitOptions.defaults().withName(name != null ? name : stdin ? "stdin" : null)
                    .withFormat(format).withCopies(copies).withPages(pages).withUser(user);
            // no digest here: the library hashes the file while sending it and sends the digest after it
            ProgressBar bar = showProgress() ? new ProgressBar(err(), label, System::nanoTime) : null;
            try {
                Submission s = client.submit(path, options, bar == null ? ProgressListener.NONE : bar);
                if (bar != null) {
                    bar.finish(); // end the bar's line before the report goes to stdout
                }
                report(file, s);
                return new Outcome(s, PrinterText.status(s.printer()));
            } catch (PrinterException e) {
                refused(file, e);
                return new Outcome(null, ErrorReporter.status(e));
            } finally {
                if (bar != null) {
                    bar.finish();
                }
            }
        } finally {
            if (stdin) {
                Files.deleteIfExists(path);
            }
        }
    }

    private boolean showProgress() {
        return environment().terminal() && !json();
    }

    private void report(String file, Submission s) {
        if (json()) {
            ObjectNode line = Json.mapper().createObjectNode();
            line.put("file", file);
            line.put("ok", true);
            if (s.message() != null) {
                line.put("message", s.message());
            }
            line.set("job", Json.mapper().valueToTree(s.job()));
            line.set("printer", Json.mapper().valueToTree(s.printer()));
            printJson(line);
            return;
        }
        out().println("job " + s.job().id() + " queued: " + s.job().name() + " (" + Sizes.human(s.job().size())
                + (s.job().format() == null ? "" : ", " + s.job().format())
                + (s.job().pages() == null ? "" : ", " + s.job().pages() + " pages")
                + (s.job().copies() > 1 ? ", " + s.job().copies() + " copies" : "") + ")");
        out().println(PrinterText.describe(s.printer()));
        out().flush();
    }

    private void refused(String file, PrinterException e) {
        PrinterInfo printer = e.printer();
        err().println("print-client: " + file + ": not queued: " + e.getMessage() + " (" + e.code().wire() + ")");
        err().flush();
        if (json()) {
            ObjectNode line = Json.mapper().createObjectNode();
            line.put("file", file);
            line.put("ok", false);
            line.put("error", e.code().wire());
            line.put("message", e.getMessage());
            if (printer != null) {
                line.set("printer", Json.mapper().valueToTree(printer));
            }
            printJson(line);
        } else if (printer != null) {
            out().println(PrinterText.describe(printer));
            out().flush();
        }
    }

    private void validate() throws CliException {
        if (copies != null && (copies < 1 || copies > Protocol.MAX_COPIES)) {
            throw new CliException(ExitCodes.USAGE, "--copies must be from 1 to " + Protocol.MAX_COPIES);
        }
        if (pages != null && (pages < 1 || pages > Protocol.MAX_PAGES)) {
            throw new CliException(ExitCodes.USAGE, "--pages must be from 1 to " + Protocol.MAX_PAGES);
        }
        if (waitTimeoutSeconds < 1) {
            throw new CliException(ExitCodes.USAGE, "--wait-timeout must be at least 1 second");
        }
        if (files.stream().filter("-"::equals).count() > 1) {
            throw new CliException(ExitCodes.USAGE, "standard input (-) can be submitted only once");
        }
    }
}
