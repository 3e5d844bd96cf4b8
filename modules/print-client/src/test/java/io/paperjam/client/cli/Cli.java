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

    /** Runs exactly {@code args}, without adding --port. */
    Result runRaw(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(stdin, env, workingDir, false, ZoneOffset.UTC);
        int exit = PrintClientMain.newCommandLine(environment, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
