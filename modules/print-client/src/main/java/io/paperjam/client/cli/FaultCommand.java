package io.paperjam.client.cli;

import io.paperjam.client.FaultReport;
import io.paperjam.client.PrintClient;
import io.paperjam.protocol.PrinterReason;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** print-client fault: sets, clears and lists the simulated device faults. */
@Command(name = "fault", mixinStandardHelpOptions = true,
        description = "Set, clear or list simulated faults. A fault stops the printer; the job printing stops "
                + "at its page and resumes from there when the fault is cleared.",
        subcommands = {FaultCommand.Set.class, FaultCommand.Clear.class, FaultCommand.ListFaults.class},
        footerHeading = "%nExamples:%n",
        footer = {"  print-client fault set paper-jam", "  print-client fault clear paper-jam",
            "  print-client fault clear --all", "  print-client fault list"})
final class FaultCommand implements HasGlobalOptions {

    @Mixin
    GlobalOptions globalOptions;

    @Override
    public GlobalOptions globalOptions() {
        return globalOptions;
    }

    /** Prints what a fault request left active; the request did what was asked, so the status is 0 even when stopped. */
    abstract static class FaultLeaf extends ClientCommand {

        protected int report(FaultReport report) {
            if (json()) {
                printPrinterJson(report.printer(), report.faults());
            } else {
                out().println("faults: " + (report.faults().isEmpty() ? "none" : String.join(", ", report.faults())));
                out().println(PrinterText.describe(report.printer()));
                out().flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Set faults (needs the admin token "
            + "when not on the printer's machine).",
            footerHeading = "%nExamples:%n", footer = {"  print-client fault set paper-out", "  print-client fault set cover-open offline"})
    static final class Set extends FaultLeaf {

        @Parameters(arity = "1..*", paramLabel = "NAME", converter = FaultConverter.class,
                completionCandidates = FaultConverter.class, description = "faults: ${COMPLETION-CANDIDATES}")
        List<PrinterReason> names;

        @Override
        protected int run() throws Exception {
            try (PrintClient client = connect()) {
                return report(client.setFaults(names));
            }
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Clear faults, or all of them.",
            footerHeading = "%nExamples:%n", footer = {"  print-client fault clear paper-jam", "  print-client fault clear --all"})
    static final class Clear extends FaultLeaf {

        @Parameters(arity = "0..*", paramLabel = "NAME", converter = FaultConverter.class,
                completionCandidates = FaultConverter.class, description = "faults: ${COMPLETION-CANDIDATES}")
        List<PrinterReason> names;

        @Option(names = "--all", description = "clear every fault")
        boolean all;

        @Override
        protected int run() throws Exception {
            boolean some = names != null && !names.isEmpty();
            if (some == all) {
                throw new CliException(ExitCodes.USAGE, "fault clear needs fault names or --all (not both)");
            }
            try (PrintClient client = connect()) {
                return report(all ? client.clearAllFaults() : client.clearFaults(names));
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the active faults.",
            footerHeading = "%nExamples:%n", footer = {"  print-client fault list", "  print-client fault list --json"})
    static final class ListFaults extends FaultLeaf {

        @Override
        protected int run() throws Exception {
            try (PrintClient client = connect()) {
                return report(client.faults());
            }
        }
    }
}
