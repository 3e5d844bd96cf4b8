package io.paperjam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.server.PrinterServer;
import io.paperjam.server.device.FaultPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs printed through a real socket: completed, stopped by each fault mid-job, resumed, canceled. */
class PrintingE2ETest {

    private static final List<Integer> FIVE_PAGES = IntStream.rangeClosed(1, 5).boxed().toList();

    @TempDir
    Path spool;

    @Test
    void aSubmittedJobCompletesWithThePagesCountedFromItsDocument() throws Exception {
        try (PrinterServer server = TestServers.start(spool);
             Watcher watcher = new Watcher(server.address());
             LineClient client = LineClient.connect(server.address())) {
            JsonNode reply = client.submit("\"name\":\"three.txt\",\"user\":\"ada\"", TestServers.textPages(3));
            assertTrue(reply.path("ok").asBoolean(), reply.toString());
            long id = reply.path("job").path("id").asLong();
            assertEquals("three.txt", reply.path("job").path("name").asText());
            assertTrue(reply.has("printer"), reply.toString());
            JsonNode done = watcher.untilJob(id, "completed");
            assertEquals(3, done.path("job").path("pagesPrinted").asInt());
            assertEquals(List.of(1, 2, 3), watcher.pages(id));
            JsonNode job = client.request("{\"op\":\"job\",\"id\":" + id + "}");
            assertEquals("completed", job.path("job").path("state").asText());
            assertEquals("text/plain", reply.path("job").path("format").asText(), "sniffed when none was declared");
            assertEquals("text/plain", job.path("job").path("format").asText());
        }
    }

    @Test
    void paperOutStopsAtTheRightPageAndARefillPrintsTheRestOnce() throws Exception {
        try (PrinterServer server = TestServers.start(spool, s -> s.withPrinter(s.printer()
                .withDevice(s.printer().device().withTrayCapacity(3))));
             Watcher watcher = new Watcher(server.address());
             LineClient client = LineClient.connect(server.address())) {
            long id = submitFivePages(client);
            JsonNode stopped = watcher.untilJob(id, "processing-stopped");
            assertEquals("paper-out", stopped.path("job").path("reason").asText());
            assertEquals(3, stopped.path("job").path("pagesPrinted").asInt());
            JsonNode status = client.request("{\"op\":\"status\"}");
            assertEquals("stopped", status.path("printer").path("state").asText());
            assertTrue(status.path("printer").path("reasons").toString().contains("paper-out"));
            JsonNode refill = client.request("{\"op\":\"supplies\",\"action\":\"refill\",\"supply\":\"paper\"}");
            assertTrue(refill.path("ok").asBoolean(), refill.toString());
            watcher.untilJob(id, "completed");
            assertEquals(FIVE_PAGES, watcher.pages(id));
        }
    }

    @Test
    void noInkStopsTheJobAndARefillPrintsTheRestOnce() throws Exception {
        try (PrinterServer server = TestServers.start(spool, s -> s.withPrinter(s.printer()
                .withDevice(s.printer().device().withInitialInkPercent(25).withInkPerPagePercent(10))));
             Watcher watcher = new Watcher(server.address());
             LineClient client = LineClient.connect(server.address())) {
            long id = submitFivePages(client);
            JsonNode stopped = watcher.untilJob(id, "processing-stopped");
            assertEquals("no-ink", stopped.path("job").path("reason").asText());
            int printed = stopped.path("job").path("pagesPrinted").asInt();
            assertTrue(printed >= 1 && printed < 5, stopped.toString());
            client.request("{\"op\":\"supplies\",\"action\":\"refill\",\"supply\":\"ink\"}");
            watcher.untilJob(id, "completed");
            assertEquals(FIVE_PAGES, watcher.pages(id));
        }
    }

    @Test
    void aScriptedJamStopsPageThreeAndClearingItFinishesTheJob() throws Exception {
        FaultPlan jam = FaultPlan.parse(List.of("paper-jam@job=1,page=3"), 0, 1, Set.of());
        try (PrinterServer server = TestServers.start(spool, s -> s.withPrinter(s.printer().withFaultPlan(jam)));
             Watcher watcher = new Watcher(server.address());
             LineClient client = LineClient.connect(server.address())) {
            long id = submitFivePages(client);
            JsonNode stopped = watcher.untilJob(id, "processing-stopped");
            assertEquals("paper-jam", stopped.path("job").path("reason").asText());
            assertEquals(2, stopped.path("job").path("pagesPrinted").asInt());
            JsonNode faults = client.request("{\"op\":\"fault\",\"action\":\"list\"}");
            assertEquals("[\"paper-jam\"]", faults.path("faults").toString());
            JsonNode cleared = client.request("{\"op\":\"fault\",\"action\":\"clear\",\"names\":[\"paper-jam\"]}");
            assertEquals("[]", cleared.path("faults").toString());
            watcher.untilJob(id, "completed");
            assertEquals(FIVE_PAGES, watcher.pages(id));
        }
    }

    @Test
    void anOpenCoverQueuesTheJobWithAMessageAndClosingItPrintsIt() throws Exception {
        try (PrinterServer server = TestServers.start(spool);
             Watcher watcher = new Watcher(server.address());
             LineClient client = LineClient.connect(server.address())) {
            JsonNode set = client.request("{\"op\":\"fault\",\"action\":\"set\",\"names\":[\"cover-open\"]}");
            assertEquals("stopped", set.path("printer").path("state").asText(), set.toString());
            JsonNode reply = client.submit("\"name\":\"five.txt\",\"pages\":5", TestServers.textPages(5));
            assertTrue(reply.path("ok").asBoolean(), reply.toString());
            assertEquals("queued; the printer is stopped: cover-open (a cover or door is open)",
                    reply.path("message").asText());
            assertEquals("pending", reply.path("job").path("state").asText());
            long id = reply.path("job").path("id").asLong();
            client.request("{\"op\":\"fault\",\"action\":\"clear\",\"all\":true}");
            watcher.untilJob(id, "completed");
            assertEquals(FIVE_PAGES, watcher.pages(id));
        }
    }

    @Test
    void aCoverOpenedWhilePrintingStopsThatPage() throws Exception {
        GatedPacer pacer = new GatedPacer();
        try (PrinterServer server = TestServers.start(spool, s -> s.withPrinter(s.printer().withPacer(pacer)));
             Watcher watcher = new Watcher(server.address());
             LineClient client = LineClient.connect(server.address())) {
            long id = submitFivePages(client);
            pacer.allow(2);
            watcher.until(e -> "page".equals(e.path("event").asText()) && e.path("page").asInt() == 2);
            client.request("{\"op\":\"fault\",\"action\":\"set\",\"names\":[\"cover-open\"]}");
            pacer.open();
            JsonNode stopped = watcher.untilJob(id, "processing-stopped");
            assertEquals("cover-open", stopped.path("job").path("reason").asText());
            client.request("{\"op\":\"fault\",\"action\":\"clear\",\"names\":[\"cover-open\"]}");
            watcher.untilJob(id, "completed");
            assertEquals(FIVE_PAGES, watcher.pages(id));
        }
    }

    @Test
    void cancelWhilePrintingEndsTheJobAndTheNextOnePrints() throws Exception {
        GatedPacer pacer = new GatedPacer();
        try (PrinterServer server = TestServers.start(spool, s -> s.withPrinter(s.printer().withPacer(pacer)));
             Watcher watcher = new Watcher(server.address());
             LineClient client = LineClient.connect(server.address())) {
            long first = submitFivePages(client);
            long second = submitFivePages(client);
            pacer.allow(1);
            watcher.until(e -> "page".equals(e.path("event").asText()) && e.path("job").path("id").asLong() == first);
            JsonNode cancel = client.request("{\"op\":\"cancel\",\"id\":" + first + "}");
            assertTrue(cancel.path("ok").asBoolean(), cancel.toString());
            pacer.open();
            JsonNode canceled = watcher.untilJob(first, "canceled");
            assertTrue(canceled.path("job").path("pagesPrinted").asInt() < 5, canceled.toString());
            watcher.untilJob(second, "completed");
            JsonNode again = client.request("{\"op\":\"cancel\",\"id\":" + first + "}");
            assertEquals("conflict", again.path("error").asText(), again.toString());
        }
    }

    @Test
    void watchersGetEveryEventInOrderWithTheStatusInTheReply() throws Exception {
        try (PrinterServer server = TestServers.start(spool);
             Watcher watcher = new Watcher(server.address());
             LineClient client = LineClient.connect(server.address())) {
            assertEquals("idle", watcher.reply().path("printer").path("state").asText(), watcher.reply().toString());
            assertEquals(1, watcher.reply().path("protocol").asInt());
            long last = 0;
            for (int i = 0; i < 3; i++) {
                last = submitFivePages(client);
            }
            watcher.untilJob(last, "completed");   // Watcher checks that seq never skips
            long queued = watcher.seen().stream().filter(e -> "job-queued".equals(e.path("event").asText())).count();
            assertEquals(3, queued);
            assertEquals(FIVE_PAGES, watcher.pages(last));
        }
    }

    private static long submitFivePages(LineClient client) throws Exception {
        JsonNode reply = client.submit("\"name\":\"five.txt\",\"pages\":5", TestServers.textPages(5));
        assertTrue(reply.path("ok").asBoolean(), reply.toString());
        return reply.path("job").path("id").asLong();
    }
}
