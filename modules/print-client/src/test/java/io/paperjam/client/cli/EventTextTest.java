package io.paperjam.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperjam.protocol.Event;
import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventTextTest {

    private static final Instant NOON = Instant.parse("2026-11-30T12:00:03Z");
    private final EventText text = new EventText(ZoneOffset.UTC);

    @Test
    void aStoppedJobSaysWhichPageItStoppedAt() {
        JobInfo job = job(JobStatus.PROCESSING_STOPPED, "paper-out", 3);
        assertEquals("12:00:03 job 1 processing-stopped: paper-out (the paper tray is empty), page 3/5",
                text.describe(new Event(Event.TYPE_JOB_STATE, 7, NOON, null, job, null)));
    }

    @Test
    void otherStateChangesNeedNoPage() {
        assertEquals("12:00:03 job 1 processing",
                text.describe(new Event(Event.TYPE_JOB_STATE, 7, NOON, null, job(JobStatus.PROCESSING, null, 3), null)));
        assertEquals("12:00:03 job 1 canceled",
                text.describe(new Event(Event.TYPE_JOB_STATE, 7, NOON, null, job(JobStatus.CANCELED, null, 3), null)));
    }

    @Test
    void aPageEventCountsAgainstTheJobsPages() {
        assertEquals("12:00:03 job 1 page 4/5",
                text.describe(new Event(Event.TYPE_PAGE, 7, NOON, 4, job(JobStatus.PROCESSING, null, 4), null)));
    }

    private static JobInfo job(JobStatus state, String reason, int printed) {
        return new JobInfo(1, "five.txt", "ada", "text/plain", state, reason, 30, "00", 1, 5, printed, NOON, NOON);
    }
}
