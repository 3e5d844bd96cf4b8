package io.paperjam.client.cli;

import io.paperjam.protocol.PrinterReason;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** print-client: the command line of a paperjam printer; {@link #newCommandLine} builds it for main and for tests. */
@Command(name = "print-client", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Talks to a paperjam printer: submits documents, shows its state and jobs, "
                + "sets and clears simulated faults, refills supplies, watches events, inspects a spool folder.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done, and the printer is fine",
            "1:failed: the printer said no, or a job was aborted or canceled",
            "2:usage error",
            "3:the printer is stopped: a fault (paper-out, no-ink, paper-jam, cover-open, offline) or paused",
            "4:cannot connect to the printer, it did not answer in time, or it is busy"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  print-client status",
            "  print-client submit report.pdf --copies 2 --wait",
            "  echo hello | print-client submit - --name greeting.txt",
            "  print-client fault set paper-out && print-client supplies refill paper",
            "  print-client --host 127.0.0.1 --port 6310 --json jobs --all",
            "",
            "Global options (--host, --port, --token, --spool, --json, --timeout, -v)",
            "may come before or after the subcommand.",
            "Admin commands (fault set/clear, supplies, pause, resume, cancelling another",
            "user's job) send the token from --token, ./spool/token or $PAPERJAM_TOKEN;",
            "on the printer's own machine (loopback) they need none."})
public final class PrintClientMain implements HasGlobalOptions {

    /**
     * The subcommands, in the order help lists them. They are added in code rather than in the
     * annotation so that a run naming one builds only that one (see {@link #newCommandLine(CliEnvironment,
     * PrintWriter, PrintWriter, String[])}); {@code standalone} is false for those that need the whole tree.
     */
    record Subcommand(String name, Class<?> type, boolean standalone) {
    }

    static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand("submit", SubmitCommand.class, true),
            new Subcommand("status", StatusCommand.class, true),
            new Subcommand("jobs", JobsCommand.class, true),
            new Subcommand("job", JobCommand.class, true),
            new Subcommand("cancel", CancelCommand.class, true),
            new Subcommand("fault", FaultCommand.class, true),
            new Subcommand("supplies", SuppliesCommand.class, true),
            new Subcommand("pause", PauseCommand.class, true),
            new Subcommand("resume", ResumeCommand.class, true),
            new Subcommand("watch", WatchCommand.class, true),
            new Subcommand("spool", SpoolCommand.class, true),
            new Subcommand("bench", BenchCommand.class, true),
            new Subcommand("completion", CompletionCommand.class, false),   // describes the whole tree
            new Subcommand("help", CommandLine.HelpCommand.class, false));  // help of any other

    @Mixin
    GlobalOptions globalOptions;

    private final CliEnvironment environment;

    PrintClientMain(CliEnvironment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        configureLogging(args);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(newCommandLine(CliEnvironment.system(), out, err, args).execute(args));
    }

    /** The whole command line, printing to {@code out} and {@code err}: error handling, exit codes and help included. */
    public static CommandLine newCommandLine(CliEnvironment environment, PrintWriter out, PrintWriter err) {
        return build(environment, out, err, SUBCOMMANDS);
    }

    /**
     * The command line to run {@code args} with: when they name a subcommand that stands alone,
     * only that one is built (picocli reads every command's annotations up front, a large part of
     * the start-up time); otherwise, as for help, completion and mistakes before the subcommand,
     * the whole tree.
     */
    public static CommandLine newCommandLine(CliEnvironment environment, PrintWriter out, PrintWriter err,
                                             String[] args) {
        Optional<Subcommand> named = SubcommandName.in(args, SUBCOMMANDS.stream().map(Subcommand::name).toList())
                .flatMap(name -> SUBCOMMANDS.stream().filter(c -> c.name().equals(name)).findFirst())
                .filter(Subcommand::standalone);
        return build(environment, out, err, named.map(List::of).orElse(SUBCOMMANDS));
    }

    private static CommandLine build(CliEnvironment environment, PrintWriter out, PrintWriter err,
                                     List<Subcommand> subcommands) {
        CommandLine cl = new CommandLine(new PrintClientMain(environment));
        for (Subcommand subcommand : subcommands) {
            cl.addSubcommand(subcommand.name(), subcommand.type());
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorReporter());
        cl.setUsageHelpLongOptionsMaxWidth(28);
        CommandLine fault = cl.getSubcommands().get("fault");
        if (fault != null) {
            describeFaults(fault);
        }
        return cl;
    }

    @Override
    public GlobalOptions globalOptions() {
        return globalOptions;
    }

    CliEnvironment environment() {
        return environment;
    }

    /** Lists the fault names with their meaning under fault's help, from the protocol's own table. */
    private static void describeFaults(CommandLine fault) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Faults:");
        for (PrinterReason reason : PrinterReason.values()) {
            if (reason.isFault()) {
                lines.add(String.format("  %-11s %s (IPP %s)", reason.wire(), reason.meaning(), reason.ippKeyword()));
            }
        }
        List<CommandLine> targets = new ArrayList<>(List.of(fault));
        targets.addAll(fault.getSubcommands().values());
        for (CommandLine target : targets) {
            String[] existing = target.getCommandSpec().usageMessage().footer();
            List<String> footer = new ArrayList<>(Arrays.asList(existing));
            footer.addAll(lines);
            target.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
        }
    }

    /** Quiet library logging unless asked; set before any logger exists. */
    static void configureLogging(String[] args) {
        boolean verbose = Arrays.stream(args).anyMatch(a -> a.equals("-v") || a.equals("--verbose"));
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        }
    }
}
