package io.paperjam.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written reply and event lines are byte for byte what databind writes from the annotations. */
class ReplyWriterTest {

    private static final String SHA = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00.123456Z");

    @Test
    void repliesMatchDatabind() {
        for (Reply reply : replies()) {
            assertSame(reply);
        }
    }

    @Test
    void eventsMatchDatabind() {
        for (JobInfo job : jobs()) {
            assertSame(new Event(Event.TYPE_JOB_QUEUED, 41, T0, null, job, null));
        }
        for (PrinterInfo printer : printers()) {
            assertSame(new Event(Event.TYPE_PRINTER, Long.MAX_VALUE, Instant.EPOCH, null, null, printer));
        }
        assertSame(new Event(Event.TYPE_PAGE, 0, null, 3, jobs().get(0), printers().get(0)));
        assertSame(new Event(null, 1, Instant.parse("2026-11-25T12:00:03Z"), null, null, null));
    }

    @Test
    void instantsReadAsInstantToString() {
        Random random = new Random(7);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.MIN, Instant.MAX,
                Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("0999-12-31T23:59:59.999999999Z"),
                Instant.parse("9999-12-31T23:59:59.5Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("2024-02-29T23:59:59.000001Z"), Instant.parse("1969-12-31T23:59:59.100Z")));
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong() % 400_000_000_000L;
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nano));
        }
        for (Instant instant : instants) {
            assertEquals(instant.toString(), InstantText.of(instant));
        }
    }

    /** A field added to a record must be added to ReplyWriter too: this fails until the list here is updated. */
    @Test
    void recordsHaveTheFieldsTheWriterWrites() {
        assertEquals(List.of("ok", "error", "message", "protocol", "job", "jobs", "faults", "printer"),
                names(Reply.class));
        assertEquals(List.of("event", "seq", "time", "page", "job", "printer"), names(Event.class));
        assertEquals(List.of("id", "name", "user", "format", "state", "reason", "size", "sha256", "copies",
                "pages", "pagesPrinted", "submitted", "updated"), names(JobInfo.class));
        assertEquals(List.of("state", "reasons", "message", "supplies", "queued", "printing"),
                names(PrinterInfo.class));
        assertEquals(List.of("paper", "ink"), names(Supplies.class));
        assertEquals(List.of("sheets", "capacity"), names(Supplies.Paper.class));
    }

    private static List<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static void assertSame(Object value) {
        assertEquals(text(Json.databindLine(value)), text(Json.line(value)));
    }

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }

    private static List<Reply> replies() {
        List<Reply> replies = new ArrayList<>();
        replies.add(Reply.success());
        replies.add(Reply.error(ErrorCode.PAPER_OUT, "the printer is stopped: \"paper-out\" \u00e9\u2603\ud83d\udda8\n\t\u0001"));
        replies.add(Reply.success().withProtocol(Protocol.VERSION));
        replies.add(Reply.success().withJobs(List.of()));
        replies.add(Reply.success().withJobs(jobs()));
        replies.add(Reply.success().withFaults(List.of()));
        replies.add(Reply.success().withFaults(List.of("paper-out", "cover-open")));
        for (JobInfo job : jobs()) {
            for (PrinterInfo printer : printers()) {
                replies.add(Reply.success().withMessage("queued; the printer is stopped").withJob(job)
                        .withPrinter(printer));
            }
        }
        replies.add(new Reply(true, null, null, null, null, Arrays.asList(jobs().get(0), null),
                Arrays.asList("a", null), null));
        return replies;
    }

    private static List<JobInfo> jobs() {
        return List.of(
                new JobInfo(7, "report.pdf", "ada", "application/pdf", JobStatus.PENDING, null, 11, SHA, 2, 3, 0,
                        T0, T0),
                new JobInfo(Long.MAX_VALUE, "r\u00e9sum\u00e9 \"final\".txt", null, null, JobStatus.PROCESSING_STOPPED,
                        "paper-out", 0, null, 1, null, 5, Instant.parse("2026-11-25T12:00:03Z"),
                        Instant.parse("2026-11-25T12:00:03.5Z")),
                new JobInfo(0, null, null, null, null, null, -1, null, 0, Integer.MAX_VALUE, 0, null, null));
    }

    private static List<PrinterInfo> printers() {
        Map<String, Integer> ink = new LinkedHashMap<>();
        ink.put("black", 12);
        ink.put("cyan", 0);
        ink.put("magenta", null);
        ink.put("yel\"low", 100);
        return List.of(
                new PrinterInfo(PrinterState.STOPPED, List.of("paper-out", "low-ink"),
                        "paper-out: the paper tray is empty", new Supplies(new Supplies.Paper(0, 250),
                        Map.of("black", 12)), 1, null),
                new PrinterInfo(PrinterState.PROCESSING, List.of(), null, new Supplies(new Supplies.Paper(250, 250),
                        ink), Integer.MAX_VALUE, 42L),
                new PrinterInfo(null, null, null, new Supplies(null, null), 0, null),
                new PrinterInfo(PrinterState.IDLE, List.of(), null, null, 0, null));
    }
}
