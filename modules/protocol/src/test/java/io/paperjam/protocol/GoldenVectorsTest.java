package io.paperjam.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every golden request parses to its record and encodes back to the same bytes. */
class GoldenVectorsTest {

    private static final String SHA = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void requestsRoundTrip() throws Exception {
        Map<String, Request> expected = Map.ofEntries(
                Map.entry("submit", new Request.Submit("report.pdf", 11, "application/pdf", 2, 3, "ada", SHA)),
                Map.entry("submit-trailer", new Request.Submit("report.pdf", 11, null, null, null, null,
                        Request.Submit.SHA256_TRAILER)),
                Map.entry("submit-minimal", new Request.Submit("hello.txt", 6, null, null, null, null, null)),
                Map.entry("status", new Request.Status()),
                Map.entry("jobs", new Request.Jobs(List.of(JobStatus.PENDING, JobStatus.PROCESSING_STOPPED), 50)),
                Map.entry("job", new Request.Job(42)),
                Map.entry("cancel", new Request.Cancel(42, "ada", null)),
                Map.entry("fault-set", new Request.Fault(FaultAction.SET, List.of(PrinterReason.PAPER_OUT), null, null)),
                Map.entry("fault-clear-all", new Request.Fault(FaultAction.CLEAR, null, true, null)),
                Map.entry("fault-list", new Request.Fault(FaultAction.LIST, null, null, null)),
                Map.entry("supplies-refill", new Request.SuppliesChange(SuppliesAction.REFILL, SupplyKind.PAPER, null, null, null)),
                Map.entry("supplies-set", new Request.SuppliesChange(SuppliesAction.SET, null, 10, Map.of("black", 5), null)),
                Map.entry("pause", new Request.Pause(null)),
                Map.entry("resume", new Request.Resume(null)),
                Map.entry("watch", new Request.Watch()));
        for (var entry : expected.entrySet()) {
            byte[] golden = GoldenVectors.request(entry.getKey());
            assertEquals(entry.getValue(), RequestParser.parse(golden, 0, golden.length - 1), entry.getKey());
            assertEquals(text(golden), text(Json.line(entry.getValue())), entry.getKey());
        }
    }

    @Test
    void repliesEncodeToGoldenBytes() throws Exception {
        JobInfo job = new JobInfo(7, "report.pdf", "ada", "application/pdf", JobStatus.PENDING, null,
                11, SHA, 2, 3, 0, T0, T0);
        PrinterInfo stopped = new PrinterInfo(PrinterState.STOPPED, List.of("paper-out", "low-ink"),
                "paper-out: the paper tray is empty",
                new Supplies(new Supplies.Paper(0, 250), Map.of("black", 12)), 1, null);
        Reply queued = Reply.success()
                .withMessage("queued; the printer is stopped: paper-out (the paper tray is empty)")
                .withJob(job).withPrinter(stopped);
        assertEquals(text(GoldenVectors.reply("submit-queued-stopped")), text(Json.line(queued)));
        assertEquals(queued, Json.read(GoldenVectors.reply("submit-queued-stopped"), Reply.class));

        PrinterInfo idle = new PrinterInfo(PrinterState.IDLE, List.of(), null,
                new Supplies(new Supplies.Paper(250, 250), Map.of("black", 100)), 0, null);
        Reply status = Reply.success().withProtocol(Protocol.VERSION).withPrinter(idle);
        assertEquals(text(GoldenVectors.reply("status-idle")), text(Json.line(status)));

        Event page = new Event(Event.TYPE_PAGE, 12, Instant.parse("2026-11-25T12:00:03Z"), 2,
                new JobInfo(7, "report.pdf", "ada", "application/pdf", JobStatus.PROCESSING, null,
                        11, SHA, 1, 3, 2, T0, Instant.parse("2026-11-25T12:00:03Z")), null);
        assertEquals(text(GoldenVectors.reply("event-page")), text(Json.line(page)));
        assertEquals(page, Json.read(GoldenVectors.reply("event-page"), Event.class));
    }

    @Test
    void everyGoldenReplyParses() throws Exception {
        for (String name : List.of("submit-queued-stopped", "job-stopped", "status-idle", "faults",
                "error-paper-out")) {
            Reply reply = Json.read(GoldenVectors.reply(name), Reply.class);
            assertEquals(text(GoldenVectors.reply(name)), text(Json.line(reply)), name);
        }
    }

    @Test
    void parserErrorsMatchGoldenReplies() {
        for (String name : GoldenVectors.ERROR_CASES) {
            if (name.equals("unknown-job")) {
                continue; // needs a server's spool to answer
            }
            byte[] in = GoldenVectors.errorIn(name);
            ProtocolException refusal = org.junit.jupiter.api.Assertions.assertThrows(ProtocolException.class,
                    () -> RequestParser.parse(in, 0, in.length - 1), name);
            assertEquals(text(GoldenVectors.errorOut(name)), text(Json.line(refusal.toReply())), name);
        }
    }

    @Test
    void theTrailerVectorRoundTrips() throws Exception {
        byte[] golden = GoldenVectors.request("trailer");
        assertEquals(new ChecksumTrailer(SHA), ChecksumTrailer.parse(golden, 0, golden.length - 1));
        assertEquals(text(golden), text(new ChecksumTrailer(SHA).line()));
        byte[] header = GoldenVectors.request("submit-trailer");
        Request.Submit submit = (Request.Submit) RequestParser.parse(header, 0, header.length - 1);
        assertTrue(submit.hasChecksumTrailer());
        assertNull(submit.declaredSha256(), "'trailer' is not a digest");
    }

    /** The server adds "; nothing was queued" to the parser's refusal of a trailer, and refuses nothing else here. */
    @Test
    void trailerParserErrorsMatchGoldenReplies() throws Exception {
        for (String name : GoldenVectors.TRAILER_CASES) {
            byte[] in = GoldenVectors.trailerIn(name);
            int headerEnd = indexOf(in, (byte) '\n', 0);
            Request.Submit submit = (Request.Submit) RequestParser.parse(in, 0, headerEnd);
            assertTrue(submit.hasChecksumTrailer(), name);
            int trailerStart = headerEnd + 1 + (int) submit.size();
            int trailerEnd = indexOf(in, (byte) '\n', trailerStart);
            assertEquals(in.length - 1, trailerEnd, name + ": the trailer is the last line");
            if (name.equals("mismatch")) {
                ChecksumTrailer.parse(in, trailerStart, trailerEnd - trailerStart);   // well formed; the server's spool refuses it
                continue;
            }
            ProtocolException refusal = assertThrows(ProtocolException.class,
                    () -> ChecksumTrailer.parse(in, trailerStart, trailerEnd - trailerStart), name);
            Reply served = Reply.error(refusal.code(), refusal.getMessage() + "; nothing was queued");
            assertEquals(text(GoldenVectors.trailerOut(name)), text(Json.line(served)), name);
        }
    }

    @Test
    void sha256IsADigestOrTheWordTrailer() {
        byte[] line = "{\"op\":\"submit\",\"name\":\"a\",\"size\":1,\"sha256\":\"Trailer\"}"
                .getBytes(StandardCharsets.UTF_8);
        ProtocolException refusal = assertThrows(ProtocolException.class, () -> RequestParser.parse(line));
        assertEquals("'sha256' must be 64 hexadecimal digits or \"trailer\"", refusal.getMessage());
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
