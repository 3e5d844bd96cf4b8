package io.paperjam.server.ipp;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code ipptool} (Debian's cups-ipp-utils) as a child process with a time limit. */
final class Ipptool {

    static final Path BINARY = Path.of("/usr/bin/ipptool");
    static final Path TESTS = Path.of("/usr/share/cups/ipptool");

    /** What one run printed and how it ended. */
    record Run(int exitCode, String output) {
    }

    private Ipptool() {
    }

    static void requireInstalled() {
        if (!Files.isExecutable(BINARY) || !Files.isDirectory(TESTS)) {
            fail("ipptool is not installed (" + BINARY + ", " + TESTS + "); run bin/install-test-tools "
                    + "(Debian package cups-ipp-utils), as CI does");
        }
    }

    static Run run(Path workDir, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        requireInstalled();
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(args));
        Path log = workDir.resolve("ipptool-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            fail("ipptool did not finish within " + timeoutSeconds + "s:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
