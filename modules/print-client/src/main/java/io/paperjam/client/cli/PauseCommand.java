package io.paperjam.client.cli;

import io.paperjam.client.PrintClient;
import io.paperjam.protocol.PrinterInfo;
import picocli.CommandLine.Command;

/** print-client pause: stops taking jobs to the device after the current page. */
@Command(name = "pause", mixinStandardHelpOptions = true,
        description = "Pause the printer after the current page; jobs still queue. Needs the admin token when not "
                + "on the printer's machine.",
        footerHeading = "%nExamples:%n", footer = {"  print-client pause", "  print-client resume"})
final class PauseCommand extends ClientCommand {

    @Override
    protected int run() throws Exception {
        try (PrintClient client = connect()) {
            return show(this, client.pause());
        }
    }

    /** Prints the printer line after pause or resume. */
    static int show(ClientCommand command, PrinterInfo printer) {
        if (command.json()) {
            command.printPrinterJson(printer, null);
        } else {
            command.out().println(PrinterText.describe(printer));
            command.out().flush();
        }
        return ExitCodes.OK;
    }
}
