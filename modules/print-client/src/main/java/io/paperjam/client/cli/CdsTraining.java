package io.paperjam.client.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training run behind bin/launch.sh's class-data archive: runs the real command line for what
 * people run most (status, submit, jobs, help, with and without --json) against a {@link CannedPrinter}
 * on loopback, output discarded, so the archive holds the classes those commands load (picocli,
 * Jackson, the client) and not only those of --help. Run with the jar on the class path, as -jar does:
 * {@code java -cp print-client.jar io.paperjam.client.cli.CdsTraining}. Exits 1 when a command fails.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        PrintClientMain.configureLogging(args);
        List<String> failures = run();
        if (!failures.isEmpty()) {
            System.err.println("print-client CDS training: " + String.join("; ", failures));
            System.exit(ExitCodes.FAILED);
        }
    }

    /** Runs every training command; what went wrong, or nothing. */
    static List<String> run() throws IOException {
        Path folder = Files.createTempDirectory("print-client-training");
        Path document = Files.writeString(folder.resolve("hello.txt"), "hello from the training run\n",
                StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        try (CannedPrinter printer = CannedPrinter.start()) {
            String port = Integer.toString(printer.port());
            List<String[]> commands = List.of(
                    new String[] {"--port", port, "status"},
                    new String[] {"--port", port, "submit", document.toString()},
                    new String[] {"--port", port, "jobs"},
                    new String[] {"--port", port, "--json", "status"},
                    new String[] {"--port", port, "--json", "submit", document.toString()},
                    new String[] {"--port", port, "--json", "jobs"},
                    new String[] {"submit", "--help"},
                    new String[] {"--help"});
            // the working folder is the empty temporary one, so no ./spool/token is read
            CliEnvironment environment = new CliEnvironment(InputStream.nullInputStream(), Map.of(), folder,
                    false, ZoneId.systemDefault());
            for (String[] command : commands) {
                int exit = execute(environment, command);
                if (exit != ExitCodes.OK) {
                    failures.add(String.join(" ", command) + " exited " + exit);
                }
            }
        } finally {
            Files.deleteIfExists(document);
            Files.deleteIfExists(folder);
        }
        return failures;
    }

    private static int execute(CliEnvironment environment, String[] command) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        return PrintClientMain.newCommandLine(environment, discard, discard, command).execute(command);
    }
}
