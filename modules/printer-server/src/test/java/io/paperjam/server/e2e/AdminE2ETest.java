package io.paperjam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.server.PrinterServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admin operations from a peer that is not 127.0.0.1 (we connect from 127.0.0.2) need the token
 * from {@code <spool>/token}; from 127.0.0.1 they do not.
 */
class AdminE2ETest {

    private static final String REMOTE = "127.0.0.2";

    @TempDir
    Path spool;

    @Test
    void aRemotePeerNeedsTheRightToken() throws Exception {
        try (PrinterServer server = TestServers.start(spool);
             LineClient remote = LineClient.connectFrom(REMOTE, server.address())) {
            String token = Files.readString(spool.resolve("token")).strip();
            JsonNode none = remote.request("{\"op\":\"fault\",\"action\":\"set\",\"names\":[\"offline\"]}");
            assertEquals("unauthorized", none.path("error").asText(), none.toString());
            JsonNode wrong = remote.request("{\"op\":\"pause\",\"token\":\"0000\"}");
            assertEquals("unauthorized", wrong.path("error").asText());
            assertEquals("unauthorized", remote.request("{\"op\":\"supplies\",\"action\":\"refill\",\"supply\":\"all\"}")
                    .path("error").asText());
            assertTrue(server.printer().faults().isEmpty(), "nothing changed");
            JsonNode right = remote.request("{\"op\":\"fault\",\"action\":\"set\",\"names\":[\"offline\"],\"token\":\""
                    + token + "\"}");
            assertTrue(right.path("ok").asBoolean(), right.toString());
            assertEquals("[\"offline\"]", right.path("faults").toString());
            assertTrue(remote.request("{\"op\":\"fault\",\"action\":\"list\"}").path("ok").asBoolean(),
                    "listing faults is not an admin op");
        }
    }

    @Test
    void loopbackNeedsNoTokenUnlessTrustIsTurnedOff() throws Exception {
        try (PrinterServer server = TestServers.start(spool);
             LineClient local = LineClient.connect(server.address())) {
            assertTrue(local.request("{\"op\":\"pause\"}").path("ok").asBoolean());
        }
        try (PrinterServer server = TestServers.start(spool, s -> s.withTrustLoopback(false).withAdminToken("s3cret"));
             LineClient local = LineClient.connect(server.address())) {
            assertEquals("unauthorized", local.request("{\"op\":\"resume\"}").path("error").asText());
            assertTrue(local.request("{\"op\":\"resume\",\"token\":\"s3cret\"}").path("ok").asBoolean());
        }
    }

    @Test
    void aUserMayCancelTheirOwnJobButAnotherUsersNeedsTheToken() throws Exception {
        try (PrinterServer server = TestServers.start(spool);
             LineClient local = LineClient.connect(server.address());
             LineClient remote = LineClient.connectFrom(REMOTE, server.address())) {
            local.request("{\"op\":\"pause\"}");
            long id = local.submit("\"name\":\"a.txt\",\"user\":\"ada\"", TestServers.textPages(1))
                    .path("job").path("id").asLong();
            JsonNode bob = remote.request("{\"op\":\"cancel\",\"id\":" + id + ",\"user\":\"bob\"}");
            assertEquals("unauthorized", bob.path("error").asText());
            JsonNode ada = remote.request("{\"op\":\"cancel\",\"id\":" + id + ",\"user\":\"ada\"}");
            assertTrue(ada.path("ok").asBoolean(), ada.toString());
            assertEquals("canceled", ada.path("job").path("state").asText());
        }
    }

    @Test
    void aGivenTokenIsNotWrittenToTheSpool() throws Exception {
        try (PrinterServer server = TestServers.start(spool, s -> s.withAdminToken("s3cret"))) {
            assertFalse(Files.exists(spool.resolve("token")));
        }
    }
}
