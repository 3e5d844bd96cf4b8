package io.paperjam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.protocol.GoldenVectors;
import io.paperjam.protocol.JobStatus;
import io.paperjam.server.PrinterServer;
import io.paperjam.server.core.WhenFaulted;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input gets a clear error, stores nothing, and leaves the connection usable where it can. */
class BadInputE2ETest {

    @TempDir
    Path spool;

    @Test
    void badLinesGetErrorsAndTheConnectionKeepsWorking() throws Exception {
        try (PrinterServer server = TestServers.start(spool);
             LineClient client = LineClient.connect(server.address())) {
            assertEquals("bad-request", client.request("this is not json").path("error").asText());
            assertEquals("unknown-op", client.request("{\"op\":\"print-money\"}").path("error").asText());
            JsonNode missing = client.request("{\"op\":\"submit\",\"size\":3}");
            assertEquals("missing field 'name'", missing.path("message").asText());
            client.sendBytes("abc".getBytes(StandardCharsets.US_ASCII));   // its document, skipped
            assertEquals("not-found", client.request("{\"op\":\"cancel\",\"id\":77}").path("error").asText());
            JsonNode status = client.request("\r\n\n{\"op\":\"status\"}\r");
            assertTrue(status.path("ok").asBoolean(), status.toString());
            assertEquals(1, status.path("protocol").asInt());
        }
    }

    @Test
    void aHeaderOverTheLimitIsTooLargeThenTheConnectionCloses() throws Exception {
        try (PrinterServer server = TestServers.start(spool, s -> s.withMaxHeaderBytes(128));
             LineClient client = LineClient.connect(server.address())) {
            JsonNode reply = client.request("{\"op\":\"status\",\"pad\":\"" + "x".repeat(300) + "\"}");
            assertEquals("too-large", reply.path("error").asText());
            assertEquals("request line is longer than 128 bytes", reply.path("message").asText());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void aClientThatSendsHalfADocumentAndLeavesQueuesNothing() throws Exception {
        try (PrinterServer server = TestServers.start(spool)) {
            try (LineClient client = LineClient.connect(server.address())) {
                client.send("{\"op\":\"submit\",\"name\":\"half.txt\",\"size\":100000}");
                client.sendBytes(new byte[50_000]);
            }
            awaitEmptyTmp();
            assertNoJobs(server);
            try (LineClient client = LineClient.connect(server.address())) {
                assertTrue(client.request("{\"op\":\"status\"}").path("ok").asBoolean());
            }
        }
    }

    @Test
    void aChecksumMismatchQueuesNothingAndTheConnectionStaysInStep() throws Exception {
        try (PrinterServer server = TestServers.start(spool);
             LineClient client = LineClient.connect(server.address())) {
            String wrong = sha256("something else");
            JsonNode reply = client.submit("\"name\":\"a.txt\",\"sha256\":\"" + wrong + "\"",
                    "hello world".getBytes(StandardCharsets.US_ASCII));
            assertEquals("checksum-mismatch", reply.path("error").asText(), reply.toString());
            assertNoJobs(server);
            JsonNode good = client.submit("\"name\":\"a.txt\",\"sha256\":\"" + sha256("hello world") + "\"",
                    "hello world".getBytes(StandardCharsets.US_ASCII));
            assertTrue(good.path("ok").asBoolean(), good.toString());
        }
    }

    @Test
    void aDocumentOverTheLimitIsRefusedBeforeItIsStoredAndItsBytesAreSkipped() throws Exception {
        try (PrinterServer server = TestServers.start(spool, s -> s.withMaxDocumentBytes(1000));
             LineClient client = LineClient.connect(server.address())) {
            JsonNode reply = client.submit("\"name\":\"big.bin\"", new byte[5000]);
            assertEquals("too-large", reply.path("error").asText());
            assertTrue(reply.path("message").asText().contains("limit of 1000 bytes"), reply.toString());
            assertTrue(client.request("{\"op\":\"status\"}").path("ok").asBoolean());
            assertNoJobs(server);
        }
    }

    @Test
    void aFullSpoolRefusesTheNextJob() throws Exception {
        try (PrinterServer server = TestServers.start(spool, s -> s.withSpool(s.spool().withQuotaJobs(1)));
             LineClient client = LineClient.connect(server.address())) {
            client.request("{\"op\":\"pause\"}");
            assertTrue(client.submit("\"name\":\"one.txt\"", TestServers.textPages(1)).path("ok").asBoolean());
            JsonNode full = client.submit("\"name\":\"two.txt\"", TestServers.textPages(1));
            assertEquals("spool-full", full.path("error").asText(), full.toString());
            assertTrue(client.request("{\"op\":\"status\"}").path("ok").asBoolean());
        }
    }

    @Test
    void underTheRejectPolicyAFaultRefusesTheJobWithItsCodeAndStoresNothing() throws Exception {
        try (PrinterServer server = TestServers.start(spool, s -> s.withPrinter(
                s.printer().withWhenFaulted(WhenFaulted.REJECT)));
             LineClient client = LineClient.connect(server.address())) {
            client.request("{\"op\":\"supplies\",\"action\":\"set\",\"paper\":0}");
            client.send("{\"op\":\"submit\",\"name\":\"a.txt\",\"size\":11}");
            client.sendBytes("hello world".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = client.readLine();
            assertEquals(new String(GoldenVectors.reply("error-paper-out"), StandardCharsets.UTF_8).strip(),
                    new String(reply, StandardCharsets.UTF_8));
            assertTrue(client.request("{\"op\":\"status\"}").path("ok").asBoolean());
            assertNoJobs(server);
        }
    }

    private void awaitEmptyTmp() throws Exception {
        Path tmp = spool.resolve("tmp");
        for (int i = 0; i < 500; i++) {
            if (!Files.isDirectory(tmp) || isEmpty(tmp)) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the aborted upload is still in " + tmp);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }

    private static void assertNoJobs(PrinterServer server) {
        assertEquals(List.of(), server.printer().jobs(Arrays.asList(JobStatus.values()), 100));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
