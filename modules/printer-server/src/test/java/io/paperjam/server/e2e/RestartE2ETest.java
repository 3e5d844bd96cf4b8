package io.paperjam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.server.PrinterServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server closed mid-job and started again on the same spool finishes every job, each page once. */
class RestartE2ETest {

    @TempDir
    Path spool;

    @Test
    void queuedAndInterruptedJobsPrintAfterARestart() throws Exception {
        long first;
        long second;
        GatedPacer before = new GatedPacer();
        try (PrinterServer server = TestServers.start(spool, s -> s.withPrinter(s.printer().withPacer(before)));
             Watcher watcher = new Watcher(server.address());
             LineClient client = LineClient.connect(server.address())) {
            first = submit(client, 5);
            second = submit(client, 3);
            before.allow(2);
            watcher.until(e -> "page".equals(e.path("event").asText()) && e.path("page").asInt() == 2);
        }
        GatedPacer after = new GatedPacer();
        try (PrinterServer server = TestServers.start(spool, s -> s.withPrinter(s.printer().withPacer(after)));
             Watcher watcher = new Watcher(server.address())) {
            JsonNode printer = watcher.reply().path("printer");
            assertEquals(first, printer.path("printing").asLong(), printer.toString());
            assertEquals(1, printer.path("queued").asInt(), printer.toString());
            after.open();
            watcher.untilJob(first, "completed");
            watcher.untilJob(second, "completed");
            assertEquals(List.of(3, 4, 5), watcher.pages(first), "the interrupted job resumes after page 2");
            assertEquals(List.of(1, 2, 3), watcher.pages(second));
        }
    }

    @Test
    void theDeviceStateSurvivesARestart() throws Exception {
        try (PrinterServer server = TestServers.start(spool);
             LineClient client = LineClient.connect(server.address())) {
            client.request("{\"op\":\"supplies\",\"action\":\"set\",\"paper\":0}");
        }
        try (PrinterServer server = TestServers.start(spool);
             LineClient client = LineClient.connect(server.address())) {
            JsonNode status = client.request("{\"op\":\"status\"}");
            assertEquals(0, status.path("printer").path("supplies").path("paper").path("sheets").asInt());
            assertTrue(status.path("printer").path("reasons").toString().contains("paper-out"), status.toString());
        }
    }

    private static long submit(LineClient client, int pages) throws Exception {
        JsonNode reply = client.submit("\"name\":\"doc.txt\",\"pages\":" + pages, TestServers.textPages(pages));
        assertTrue(reply.path("ok").asBoolean(), reply.toString());
        return reply.path("job").path("id").asLong();
    }
}
