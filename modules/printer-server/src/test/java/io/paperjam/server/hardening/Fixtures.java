package io.paperjam.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.Json;
import io.paperjam.server.PrinterServer;
import io.paperjam.server.ServerSettings;
import io.paperjam.server.core.PrinterSettings;
import io.paperjam.server.device.DeviceSettings;
import io.paperjam.server.device.Pacer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the hardening tests share: an instant test server, job counts, and spool-folder audits. */
final class Fixtures {

    /** Every file name a spool may hold: its own bookkeeping, and documents and records named by job id only. */
    private static final Pattern SPOOL_FILE = Pattern.compile(
            "((journal-)?\\d{12,}\\.(data|json|log)|lock|last-id|history\\.jsonl|printer\\.json|token|paperjam-spool)"
                    + "(\\.\\d+(\\.new)?)?");
    private static final Set<String> SPOOL_FOLDERS = Set.of("tmp", "queue", "active", "done", "corrupt", "journal");

    private Fixtures() {
    }

    /** Any free loopback port, instant printing, the given spool. */
    static ServerSettings settings(Path spool) {
        PrinterSettings printer = PrinterSettings.defaults().withPacer(Pacer.instant())
                .withDevice(DeviceSettings.defaults().withPpm(0));
        return ServerSettings.defaults().withSpoolDir(spool).withPort(0).withPrinter(printer);
    }

    /** Every job the printer knows, finished ones included. */
    static List<JobInfo> allJobs(PrinterServer server) {
        return server.printer().jobs(Arrays.asList(JobStatus.values()), 100_000);
    }

    static JsonNode json(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON reply line: " + line, e);
        }
    }

    /** A reply a user can read: one JSON object with {@code ok}, never a stack trace. */
    static JsonNode assertCleanReply(String line) {
        assertTrue(line != null, "expected a reply line, the server closed");
        assertTrue(!line.contains("Exception") && !line.contains("\tat ") && !line.contains("\n"),
                "reply leaks internals: " + line);
        JsonNode reply = json(line);
        assertTrue(reply.isObject() && reply.has("ok"), line);
        return reply;
    }

    /** The code a reply carries: "ok" for success, else its error code. */
    static String code(JsonNode reply) {
        return reply.path("ok").asBoolean() ? "ok" : reply.path("error").asText("(no error code)");
    }

    /** Waits (bounded) until no partial upload is left in the spool's tmp folder. */
    static void awaitTmpEmpty(Path spool) throws InterruptedException {
        Path tmp = spool.resolve("tmp");
        for (int i = 0; i < 500; i++) {
            if (files(tmp).isEmpty()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("partial uploads left in " + tmp + ": " + files(tmp));
    }

    /**
     * Asserts that the spool holds only its own bookkeeping and id-named job files, in its own folders.
     * The printer may still be renaming files while this looks; a walk that meets a vanished entry
     * starts again (a few times), and every entry it does see is checked.
     */
    static void assertOnlyIdNamedFiles(Path spool) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                checkOnlyIdNamedFiles(spool);
                return;
            } catch (java.io.UncheckedIOException e) {
                if (!(e.getCause() instanceof java.nio.file.NoSuchFileException) || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static void checkOnlyIdNamedFiles(Path spool) throws IOException {
        try (Stream<Path> walk = Files.walk(spool)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (path.equals(spool)) {
                    continue;
                }
                Path relative = spool.relativize(path);
                String name = path.getFileName().toString();
                if (Files.isDirectory(path)) {
                    assertEquals(1, relative.getNameCount(), "unexpected folder " + relative);
                    assertTrue(SPOOL_FOLDERS.contains(name), "unexpected folder " + relative);
                } else {
                    assertTrue(SPOOL_FILE.matcher(name).matches(), "a file not named by the spool: " + relative);
                }
            }
        }
    }

    static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
