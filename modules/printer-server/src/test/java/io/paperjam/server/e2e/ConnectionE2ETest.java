package io.paperjam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.server.PrinterServer;
import io.paperjam.spool.SpoolLockedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection-level rules: ordering, pipelining, idle timeout, the connection limit, one server per spool. */
class ConnectionE2ETest {

    @TempDir
    Path spool;

    @Test
    void pipelinedRequestsGetTheirRepliesInOrder() throws Exception {
        try (PrinterServer server = TestServers.start(spool);
             LineClient client = LineClient.connect(server.address())) {
            byte[] doc = TestServers.textPages(2);
            String batch = "{\"op\":\"status\"}\n{\"op\":\"job\",\"id\":5}\n"
                    + "{\"op\":\"submit\",\"name\":\"p.txt\",\"size\":" + doc.length + "}\n"
                    + new String(doc, StandardCharsets.US_ASCII) + "{\"op\":\"jobs\",\"states\":[\"completed\",\"pending\","
                    + "\"processing\"]}\n";
            client.sendBytes(batch.getBytes(StandardCharsets.US_ASCII));
            assertEquals(1, client.read().path("protocol").asInt());
            assertEquals("not-found", client.read().path("error").asText());
            JsonNode submitted = client.read();
            assertEquals("p.txt", submitted.path("job").path("name").asText(), submitted.toString());
            assertEquals(1, client.read().path("jobs").size());
        }
    }

    @Test
    void aClientThatWritesManyRequestsBeforeReadingGetsEveryReplyInOrder() throws Exception {
        int count = 3000;
        try (PrinterServer server = TestServers.start(spool);
             LineClient client = LineClient.connect(server.address())) {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 1; i <= count; i++) {
                        client.output().write(("{\"op\":\"job\",\"id\":" + i + "}\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    client.output().flush();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            for (int i = 1; i <= count; i++) {
                assertEquals("no job " + i, client.read().path("message").asText());
            }
            writer.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientThatShutsItsSendingSideStillGetsEveryReply() throws Exception {
        try (PrinterServer server = TestServers.start(spool);
             LineClient client = LineClient.connect(server.address())) {
            byte[] doc = TestServers.textPages(1);
            client.send("{\"op\":\"status\"}");
            client.send("{\"op\":\"submit\",\"name\":\"a.txt\",\"size\":" + doc.length + "}");
            client.sendBytes(doc);
            client.socket().shutdownOutput();   // what nc -N does at the end of its input
            assertTrue(client.read().path("ok").asBoolean());
            JsonNode submitted = client.read();
            assertTrue(submitted.path("ok").asBoolean(), submitted.toString());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void aDocumentCutShortByAHalfCloseIsRefusedAndNothingIsQueued() throws Exception {
        try (PrinterServer server = TestServers.start(spool);
             LineClient client = LineClient.connect(server.address())) {
            client.send("{\"op\":\"submit\",\"name\":\"a.txt\",\"size\":100}");
            client.sendBytes("only a few bytes".getBytes(StandardCharsets.US_ASCII));
            client.socket().shutdownOutput();
            JsonNode reply = client.read();
            assertEquals("the document ended after 16 of 100 bytes; nothing was queued",
                    reply.path("message").asText(), reply.toString());
            assertTrue(client.closedByServer());
            assertEquals(0, server.printer().status().queued());
        }
    }

    @Test
    void anIdleConnectionGetsATimeoutLineAndIsClosedButAWatcherIsNot() throws Exception {
        try (PrinterServer server = TestServers.start(spool, s -> s.withIdleTimeout(Duration.ofMillis(300)));
             LineClient idle = LineClient.connect(server.address());
             Watcher watcher = new Watcher(server.address())) {
            JsonNode timeout = idle.read();
            assertEquals("timeout", timeout.path("error").asText(), timeout.toString());
            assertTrue(idle.closedByServer());
            Thread.sleep(600);   // twice the idle timeout: the watcher must still be there
            try (LineClient client = LineClient.connect(server.address())) {
                long id = client.submit("\"name\":\"a.txt\"", TestServers.textPages(1)).path("job").path("id").asLong();
                watcher.untilJob(id, "completed");
            }
        }
    }

    @Test
    void aClientThatStallsMidDocumentTimesOutWithOneReplyAndNothingQueued() throws Exception {
        try (PrinterServer server = TestServers.start(spool, s -> s.withIdleTimeout(Duration.ofMillis(300)));
             LineClient client = LineClient.connect(server.address())) {
            client.send("{\"op\":\"submit\",\"name\":\"a.txt\",\"size\":100}");
            client.sendBytes(new byte[10]);
            JsonNode timeout = client.read();
            assertEquals("timeout", timeout.path("error").asText(), timeout.toString());
            assertTrue(timeout.path("message").asText().contains("nothing queued"), timeout.toString());
            assertTrue(client.closedByServer(), "exactly one reply, then the end");
            assertEquals(0, server.printer().status().queued());
        }
    }

    @Test
    void oneConnectionOverTheLimitGetsBusyAndIsClosed() throws Exception {
        try (PrinterServer server = TestServers.start(spool, s -> s.withMaxConnections(1));
             LineClient first = LineClient.connect(server.address())) {
            assertTrue(first.request("{\"op\":\"status\"}").path("ok").asBoolean());
            try (LineClient second = LineClient.connect(server.address())) {
                JsonNode busy = second.read();
                assertEquals("busy", busy.path("error").asText(), busy.toString());
                assertTrue(second.closedByServer());
            }
            assertTrue(first.request("{\"op\":\"status\"}").path("ok").asBoolean(), "the first one is unharmed");
        }
    }

    @Test
    void closingTheServerHangsUpOnIdleClientsAndWatchersAtOnce() throws Exception {
        PrinterServer server = TestServers.start(spool, s -> s.withShutdownGrace(Duration.ofSeconds(30)));
        try (LineClient idle = LineClient.connect(server.address());
             Watcher watcher = new Watcher(server.address())) {
            assertTrue(idle.request("{\"op\":\"status\"}").path("ok").asBoolean());
            long start = System.nanoTime();
            server.close();
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "no grace needed when idle");
            assertTrue(idle.closedByServer());
            assertTrue(watcher.client().closedByServer());
        }
    }

    @Test
    void aSecondServerCannotTakeASpoolInUse() throws Exception {
        try (PrinterServer server = TestServers.start(spool)) {
            assertThrows(SpoolLockedException.class, () -> TestServers.start(spool));
            assertTrue(server.printer().status() != null);
        }
    }

    @Test
    void aPortInUseFailsTheStartAndReleasesTheSpool(@TempDir Path other) throws Exception {
        try (PrinterServer server = TestServers.start(spool)) {
            IOException e = assertThrows(IOException.class,
                    () -> TestServers.start(other, s -> s.withPort(server.port())));
            assertTrue(e.getMessage().contains("cannot listen"), e.getMessage());
        }
        try (PrinterServer again = TestServers.start(other)) {
            assertFalse(again.port() == 0);
        }
    }
}
