package io.paperjam.client.cli;

import io.paperjam.client.PrintClient;
import picocli.CommandLine.Command;

/** print-client resume: undoes a pause. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Resume a paused printer. Faults stay until cleared.",
        footerHeading = "%nExamples:%n", footer = {"  print-client resume"})
final class ResumeCommand extends ClientCommand {

    @Override
    protected int run() throws Exception {
        try (PrintClient client = connect()) {
            return PauseCommand.show(this, client.resume());
        }
    }
}
