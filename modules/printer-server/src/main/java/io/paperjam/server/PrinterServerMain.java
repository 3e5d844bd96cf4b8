package io.paperjam.server;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * bin/printer-server: runs the emulated printer until SIGTERM or Ctrl-C, which closes it
 * gracefully (uploads in flight may finish, device state is saved) and exits with status 0.
 */
@Command(name = "printer-server", mixinStandardHelpOptions = true, version = "paperjam printer-server 0.1",
        sortOptions = false, usageHelpAutoWidth = true,
        description = "An emulated network printer: takes jobs on a JSON-header TCP port, keeps them in a "
                + "spool folder and prints them on a simulated device that runs out of paper and ink, jams, "
                + "opens its cover and goes offline on command.",
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:stopped by SIGTERM or Ctrl-C", "1:could not start (port or spool in use, ...)",
            "2:bad command line"})
public final class PrinterServerMain implements Callable<Integer> {

    /** Exit status when the server cannot start. */
    public static final int EXIT_START_FAILED = 1;

    @Mixin
    ServerOptions options = new ServerOptions();

    @Option(names = {"-v", "--verbose"}, description = "log debug detail, stack traces included")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private PrintWriter err;

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The command line with its one-line error handling, for main and for tests. */
    static CommandLine newCommandLine() {
        PrinterServerMain main = new PrinterServerMain();
        CommandLine cli = new CommandLine(main).setCaseInsensitiveEnumValuesAllowed(true);
        main.err = cli.getErr();
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("printer-server: " + e.getMessage());
            if (main.verbose) {
                // the whole trace only on request (-v), through the log like everything else
                LoggerFactory.getLogger(PrinterServerMain.class).error("could not start", e);
            }
            return EXIT_START_FAILED;
        });
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        configureLogging(verbose);
        ServerSettings settings;
        try {
            settings = options.toSettings();
        } catch (IllegalArgumentException e) {
            // this run's command line, so the message goes to its error stream
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        // the hook goes in first, so that a SIGTERM during start-up is also a clean stop
        AtomicReference<PrinterServer> running = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            PrinterServer server = running.getAndSet(null);
            if (server != null) {
                server.close();
                err.flush();
                System.err.flush();
                // a JVM ended by a signal exits 143 once its hooks finish; we closed cleanly, so say 0
                Runtime.getRuntime().halt(0);
            }
        }, "paperjam-shutdown"));
        PrinterServer server = PrinterServer.start(settings);
        running.set(server);
        if (options.paper != null) {
            server.printer().setSupplies(options.paper, null);
            LoggerFactory.getLogger(PrinterServerMain.class).info("paper tray set to {} sheets", options.paper);
        }
        CountDownLatch forever = new CountDownLatch(1);
        forever.await();
        return 0;
    }

    /** slf4j-simple reads its settings when the first logger is made, so this runs first. */
    private static void configureLogging(boolean verbose) {
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
    }
}
