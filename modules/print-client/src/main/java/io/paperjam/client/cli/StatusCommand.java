package io.paperjam.client.cli;

import io.paperjam.client.PrintClient;
import io.paperjam.protocol.PrinterInfo;
import picocli.CommandLine.Command;

/** print-client status: the printer's state and reasons, supply gauges and a queue summary. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the printer's state and why, its paper and ink as gauges, and its queue.",
        footerHeading = "%nExamples:%n",
        footer = {"  print-client status", "  print-client status --json", "",
            "Exit status 3 when the printer is stopped, so scripts can test it."})
final class StatusCommand extends ClientCommand {

    @Override
    protected int run() throws Exception {
        PrinterInfo printer;
        try (PrintClient client = connect()) {
            printer = client.status();
        }
        if (json()) {
            printPrinterJson(printer, null);
        } else {
            out().println(PrinterText.describe(printer));
            if (printer.message() != null && !PrinterText.restates(printer)) {
                out().println("  " + printer.message());
            }
            for (String gauge : Gauges.lines(printer.supplies())) {
                out().println(gauge);
            }
            out().println(queue(printer));
            out().flush();
        }
        return PrinterText.status(printer);
    }

    static String queue(PrinterInfo printer) {
        String waiting = printer.queued() == 0 ? "no jobs waiting"
                : printer.queued() == 1 ? "1 job waiting" : printer.queued() + " jobs waiting";
        return "queue: " + waiting + (printer.printing() == null ? "" : ", printing job " + printer.printing());
    }
}
