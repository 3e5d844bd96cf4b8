package io.paperjam.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.server.PrinterServer;
import io.paperjam.server.security.AdminToken;
import io.paperjam.server.testing.ChildPrinter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin token: generated owner-only, required from peers other than 127.0.0.1/::1, and never
 * written to a log or a reply, whatever a client wraps it in.
 */
@Timeout(60)
class AccessTest {

    private static final String REMOTE = HostileCases.REMOTE;
    private static final String WRONG = "wrong-token-value-c0ffee";

    @TempDir
    Path spool;

    @Test
    void theGeneratedTokenFileIsOwnerOnlyAndLongEnough() throws Exception {
        try (PrinterServer server = PrinterServer.start(Fixtures.settings(spool))) {
            Path token = spool.resolve(AdminToken.FILE_NAME);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
            assertTrue(Files.readString(token).strip().matches("[0-9a-f]{64}"), "32 random bytes in hex");
        }
    }

    @Test
    void aTokenFileOthersCanReadIsReportedInTheLog() throws Exception {
        Files.createDirectories(spool);
        Path token = spool.resolve(AdminToken.FILE_NAME);
        Files.writeString(token, "a-token-someone-made-by-hand\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
        String log = captureLog(() -> PrinterServer.start(Fixtures.settings(spool)).close());
        assertTrue(log.contains("readable by others"), "no warning in:\n" + log);
        assertFalse(log.contains("a-token-someone-made-by-hand"), "the log shows the token");
    }

    @Test
    void aRemotePeerNeedsTheTokenAndNoLogLineOrReplyEverShowsATokenValue() throws Exception {
        try (ChildPrinter child = ChildPrinter.start(spool, 0, "--verbose")) {   // debug: every log line there is
            InetSocketAddress address = child.awaitListening();
            String token = Files.readString(spool.resolve(AdminToken.FILE_NAME)).strip();
            StringBuilder replies = new StringBuilder();
            try (Wire remote = Wire.connectFrom(REMOTE, address)) {
                for (String line : List.of(
                        "{\"op\":\"pause\"}",
                        "{\"op\":\"pause\",\"token\":\"" + WRONG + "\"}",
                        "{\"op\":\"pause\",\"token\":\"" + token.substring(0, 63) + "\"}",
                        "{\"op\":\"pause\",\"token\":\"" + token + "x\"}",
                        "{\"op\":\"pause\",\"token\":\"" + WRONG + "\",\"colour\":1}",
                        "{\"op\":\"pause\",\"token\":\"" + WRONG + "\",\"v\":9}",
                        "{\"op\":\"pause\",\"token\":\"" + WRONG + "\"",
                        "{\"op\":\"pause\",\"token\":\"" + WRONG + "\\u0007\"}",
                        "{\"op\":\"cancel\",\"id\":5,\"token\":\"" + WRONG + "\"}")) {
                    remote.send(line + "\n");
                    String reply = remote.readLine();
                    JsonNode parsed = Fixtures.assertCleanReply(reply);
                    assertFalse(parsed.path("ok").asBoolean(), line + " -> " + reply);
                    replies.append(reply).append('\n');
                }
                JsonNode right = Fixtures.assertCleanReply(remote.send("{\"op\":\"pause\",\"token\":\"" + token + "\"}\n")
                        .readLine());
                assertTrue(right.path("ok").asBoolean(), right.toString());
                assertTrue(right.path("printer").path("reasons").toString().contains("paused"));
            }
            child.sigterm();
            assertEquals(0, child.awaitExit(20));
            String log = child.log();
            assertTrue(log.contains("wrong admin token"), "refusals are logged:\n" + log);
            for (String secret : List.of(token, token.substring(0, 16), WRONG)) {
                assertFalse(log.contains(secret), "the log shows a token value:\n" + log);
                assertFalse(replies.toString().contains(secret), "a reply shows a token value:\n" + replies);
            }
        }
    }

    /** What slf4j-simple writes to System.err while {@code action} runs. */
    private static String captureLog(ThrowingAction action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private interface ThrowingAction {
        void run() throws Exception;
    }
}
