package io.paperjam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.protocol.GoldenVectors;
import io.paperjam.server.PrinterServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The protocol's golden vectors, sent to a real server: bad requests get exactly the golden reply bytes. */
class GoldenVectorsE2ETest {

    static final List<String> ERROR_CASES = GoldenVectors.ERROR_CASES;
    static final List<String> REQUESTS = List.of("cancel", "fault-clear-all", "fault-list", "fault-set", "job",
            "jobs", "pause", "resume", "status", "submit-minimal", "submit", "supplies-refill", "supplies-set", "watch");

    @TempDir
    Path spool;

    @ParameterizedTest
    @FieldSource("ERROR_CASES")
    void aBadRequestGetsExactlyTheGoldenReply(String name) throws Exception {
        try (PrinterServer server = TestServers.start(spool);
             LineClient client = LineClient.connect(server.address())) {
            client.sendBytes(GoldenVectors.errorIn(name));
            byte[] expected = GoldenVectors.errorOut(name);
            byte[] reply = client.readLine();
            assertEquals(new String(expected, StandardCharsets.UTF_8),
                    new String(reply, StandardCharsets.UTF_8) + "\n");
        }
    }

    @ParameterizedTest
    @FieldSource("REQUESTS")
    void everyGoldenRequestIsUnderstood(String name) throws Exception {
        try (PrinterServer server = TestServers.start(spool);
             LineClient client = LineClient.connect(server.address())) {
            client.sendBytes(GoldenVectors.request(name));
            if (name.startsWith("submit")) {
                JsonNode header = io.paperjam.protocol.Json.mapper().readTree(GoldenVectors.request(name));
                byte[] body = new byte[header.path("size").asInt()];
                byte[] hello = "hello world".getBytes(StandardCharsets.US_ASCII);   // the golden sha256's text
                System.arraycopy(hello, 0, body, 0, Math.min(hello.length, body.length));
                client.sendBytes(body);
            }
            JsonNode reply = client.read();
            String error = reply.path("error").asText("");
            assertFalse(Set.of("bad-request", "unknown-op", "unsupported-version", "internal").contains(error),
                    name + " -> " + reply);
            assertTrue(reply.path("ok").asBoolean() || "not-found".equals(error), name + " -> " + reply);
        }
    }
}
