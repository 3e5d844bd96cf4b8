package io.paperjam.client.cli;

import io.paperjam.client.PrintClient;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.SupplyKind;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** print-client supplies: refills the tray and cartridges, or sets them to given levels. */
@Command(name = "supplies", mixinStandardHelpOptions = true,
        description = "Refill paper and ink, or set their levels (needs the admin token when not on the "
                + "printer's machine). Refilling clears paper-out and no-ink.",
        subcommands = {SuppliesCommand.Refill.class, SuppliesCommand.Set.class},
        footerHeading = "%nExamples:%n",
        footer = {"  print-client supplies refill paper", "  print-client supplies refill all",
            "  print-client supplies set paper=3", "  print-client supplies set ink=50 black=5"})
final class SuppliesCommand implements HasGlobalOptions {

    @Mixin
    GlobalOptions globalOptions;

    @Override
    public GlobalOptions globalOptions() {
        return globalOptions;
    }

    /** Shows the supplies after a change. */
    abstract static class SuppliesLeaf extends ClientCommand {

        protected int report(PrinterInfo printer) {
            if (json()) {
                printPrinterJson(printer, null);
            } else {
                Gauges.lines(printer.supplies()).forEach(out()::println);
                out().println(PrinterText.describe(printer));
                out().flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "refill", mixinStandardHelpOptions = true, description = "Fill the paper tray, the ink, or both.",
            footerHeading = "%nExamples:%n", footer = {"  print-client supplies refill paper", "  print-client supplies refill all"})
    static final class Refill extends SuppliesLeaf {

        @Parameters(paramLabel = "WHAT", description = "paper, ink or all", converter = SupplyKindConverter.class,
                completionCandidates = SupplyKindConverter.class)
        SupplyKind what;

        @Override
        protected int run() throws Exception {
            try (PrintClient client = connect()) {
                return report(client.refill(what));
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set the sheets in the tray and ink levels in percent: paper=N, ink=P (every colour), "
                    + "ink.COLOUR=P or COLOUR=P.",
            footerHeading = "%nExamples:%n", footer = {"  print-client supplies set paper=2", "  print-client supplies set ink.black=0",
                "  print-client supplies set paper=250 ink=100"})
    static final class Set extends SuppliesLeaf {

        @Parameters(arity = "1..*", paramLabel = "NAME=VALUE", description = "paper=N, ink=P, ink.COLOUR=P, COLOUR=P")
        List<String> assignments;

        @Override
        protected int run() throws Exception {
            SupplyAssignments parsed = SupplyAssignments.parse(assignments);
            try (PrintClient client = connect()) {
                return report(client.setSupplies(parsed.paper, parsed.ink.isEmpty() ? null : parsed.ink));
            }
        }
    }
}
