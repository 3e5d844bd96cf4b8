package io.paperjam.server.door;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real print clients (nc, lpr, lpq, lprm) as child processes with a time limit. A missing
 * client fails the test with the way to install it, never skips it.
 */
public final class ClientTools {

    /** The longest a client may run before the test fails. */
    public static final long TIMEOUT_SECONDS = 20;

    /** What a client printed and how it ended. */
    public record Result(int exitCode, String output) {
    }

    private ClientTools() {
    }

    /** Fails unless {@code tool} is installed (and, for LPRng, its /etc/printcap exists). */
    public static void require(String tool) {
        Path path = Path.of("/usr/bin", tool);
        if (!Files.isExecutable(path)) {
            throw new AssertionError(path + " is missing: run bin/install-test-tools (CI installs it)");
        }
        if (tool.startsWith("lp") && !Files.exists(Path.of("/etc/printcap"))) {
            throw new AssertionError("LPRng's " + tool + " refuses to run without /etc/printcap: run "
                    + "bin/install-test-tools, or create an empty /etc/printcap");
        }
    }

    /** Runs {@code command}, feeding it {@code stdin} (or nothing), and returns its exit code and output. */
    public static Result run(byte[] stdin, String... command) throws IOException, InterruptedException {
        require(command[0]);
        List<String> full = new ArrayList<>(List.of(command));
        full.set(0, "/usr/bin/" + command[0]);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), out), "client-output");
        reader.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS
                    + "s; output so far: " + out);
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            out.writeBytes(("\n[reading the output failed: " + e + "]").getBytes(StandardCharsets.UTF_8));
        }
    }
}
