package io.paperjam.server.lpd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterState;
import io.paperjam.protocol.Supplies;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text lpq shows: state, faults with their meaning, supplies, and the jobs in rank order. */
class LpdQueueTextTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    private static JobInfo job(long id, String user, String name, JobStatus state, String reason) {
        return new JobInfo(id, name, user, "text/plain", state, reason, 1234, "ab", 1, 5, 2, T, T);
    }

    private static PrinterInfo stopped() {
        Map<String, Integer> ink = new LinkedHashMap<>();
        ink.put("black", 80);
        return new PrinterInfo(PrinterState.STOPPED, List.of("paper-out", "low-ink"), "the paper tray is empty",
                new Supplies(new Supplies.Paper(0, 250), ink), 1, 7L);
    }

    @Test
    void shortListingRanksJobsAndNamesEveryReason() {
        List<JobInfo> jobs = List.of(job(7, "alice", "report.pdf", JobStatus.PROCESSING_STOPPED, "paper-out"),
                job(8, "bob", "(STDIN)", JobStatus.PENDING, null), job(9, null, "raw job", JobStatus.PENDING, null));

        String text = LpdQueueText.render("lp", stopped(), jobs, List.of(), false);

        String[] lines = text.split("\n");
        assertEquals(6, lines.length, text);
        assertEquals("lp: paperjam is stopped, printing job 7; paper-out: the paper tray is empty; "
                + "low-ink: an ink cartridge is nearly empty", lines[0]);
        assertEquals("supplies: paper 0 of 250 sheets, black 80%", lines[1]);
        assertTrue(lines[2].matches("Rank +Owner +Job +File\\(s\\) +Total Size"), text);
        assertTrue(lines[3].matches("stopped alice +7 +report\\.pdf +1234 bytes"), "[" + lines[3] + "]");
        assertTrue(lines[4].matches("1st +bob +8 +\\(STDIN\\) +1234 bytes"), text);
        assertTrue(lines[5].matches("2nd +- +9 +raw job +1234 bytes"), text);
    }

    @Test
    void longListingSaysStateAndProgress() {
        String text = LpdQueueText.render("lp", stopped(),
                List.of(job(7, "alice", "report.pdf", JobStatus.PROCESSING_STOPPED, "paper-out")), List.of(), true);

        assertTrue(text.contains("alice: stopped"), text);
        assertTrue(text.contains("[job 7]"), text);
        assertTrue(text.contains("processing-stopped (paper-out), 2 of 5 pages printed"), text);
    }

    @Test
    void operandsSelectByJobNumberOrOwner() {
        List<JobInfo> jobs = List.of(job(7, "alice", "a", JobStatus.PENDING, null),
                job(8, "bob", "b", JobStatus.PENDING, null));
        String byId = LpdQueueText.render("lp", stopped(), jobs, List.of("8"), false);
        String byOwner = LpdQueueText.render("lp", stopped(), jobs, List.of("alice"), false);

        assertTrue(byId.contains("bob") && !byId.contains("alice"), byId);
        assertTrue(byOwner.contains("alice") && !byOwner.contains("bob "), byOwner);
        assertTrue(byId.contains("2nd"), "ranks count the whole queue: " + byId);
    }

    @Test
    void anIdlePrinterWithNothingQueued() {
        PrinterInfo idle = new PrinterInfo(PrinterState.IDLE, List.of(), null, null, 0, null);
        String text = LpdQueueText.render("paperjam", idle, List.of(), List.of(), false);
        assertEquals("paperjam: paperjam is idle\nno entries\n", text);
        assertFalse(text.contains("Rank"));
    }

    @Test
    void ordinals() {
        assertEquals("1st", LpdQueueText.ordinal(1));
        assertEquals("2nd", LpdQueueText.ordinal(2));
        assertEquals("3rd", LpdQueueText.ordinal(3));
        assertEquals("11th", LpdQueueText.ordinal(11));
        assertEquals("22nd", LpdQueueText.ordinal(22));
        assertEquals("113th", LpdQueueText.ordinal(113));
    }
}
