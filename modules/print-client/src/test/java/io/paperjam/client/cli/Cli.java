package io.paperjam.client.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs print-client in-process with captured output, as a person or a script would run it. */
final class Cli {

    /** What one run printed and how it exited. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private final Path workingDir;
    private final int port;
    private final Map<String, String> env;

    Cli(Path workingDir, int port) {
        this(workingDir, port, Map.of());
    }

    Cli(Path workingDir, int port, Map<String, String> env) {
        this.workingDir = workingDir;
        this.port = port;
        this.env = env;
    }

    Result run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    Result run(InputStream stdin, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--port";
        all[1] = Integer.toString(port);
        System.arraycopy(args, 0, all, 2, args.length);
        return runRaw(stdin, all);
    }

    Result stdin(String text, String... args) {
        return run(new ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), args);
    }

    /** Runs in the background; {@code out} shows the output so far while it runs. */
    java.util.concurrent.CompletableFuture<Result> runAsync(StringWriter out, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--port";
        all[1] = Integer.toString(port);
        System.arraycopy(args, 0, all, 2, args.length);
        return java.util.concurrent.CompletableFuture.supplyAsync(
                () -> runRaw(InputStream.nullInputStream(), out, new StringWriter(), all));
    }

    /** Runs exactly {@code args}, without adding --port. */
    Result runRaw(InputStream stdin, String... args) {
        return runRaw(stdin, new StringWriter(), new StringWriter(), args);
    }

    private Result runRaw(InputStream stdin, StringWriter out, StringWriter err, String... args) {
        CliEnvironment environment = new CliEnvironment(stdin, env, workingDir, false, ZoneOffset.UTC);
        // as main builds it: only the subcommand the arguments name, when they name one
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        int exit = PrintClientMain.newCommandLine(environment, outWriter, errWriter, args).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
