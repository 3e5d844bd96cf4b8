package io.paperjam.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterState;
import io.paperjam.spool.JobHeader;
import io.paperjam.spool.JobRecord;
import io.paperjam.spool.JobUpload;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue length in the printer's status is kept by the printer itself (not by scanning the
 * spool), so it must follow the spool exactly through submit, print, cancel and restart.
 */
class QueuedCountTest {

    @TempDir
    Path dir;

    /** Status reports {@code expected} queued jobs, the same number the spool holds queued. */
    private static PrinterInfo assertQueued(PrinterHarness h, int expected, Long printing) {
        PrinterInfo status = h.printer.status();
        assertEquals(expected, status.queued(), "queued jobs in the printer's status");
        assertEquals(expected, h.spool.queued().size(), "queued jobs in the spool");
        assertEquals(printing, status.printing());
        return status;
    }

    @Test
    void queuedCountFollowsSubmitPrintCancelAndRestart() throws Exception {
        GatePacer gate = new GatePacer();
        try (PrinterHarness h = PrinterHarness.start(dir, PrinterHarness.instant().withPacer(gate))) {
            assertQueued(h, 0, null);
            long first = h.submit("first", 2, 1);
            long second = h.submit("second", 1, 1);
            long third = h.submit("third", 1, 1);
            gate.awaitSheet(); // the first job is on the device, the other two wait
            h.awaitJob(first, JobStatus.PROCESSING);
            assertEquals(PrinterState.PROCESSING, assertQueued(h, 2, first).state());

            assertEquals(JobStatus.CANCELED, h.printer.cancel(second).state());
            assertQueued(h, 1, first);

            long fourth = h.submit("fourth", 1, 1);
            h.printer.accepted(h.spool.find(fourth).orElseThrow()); // told twice: still one job
            assertQueued(h, 2, first);

            h.restart(); // the first job goes back to the queue at the page it reached, then prints again
            gate.awaitSheet();
            h.awaitJob(first, JobStatus.PROCESSING);
            assertQueued(h, 2, first);

            gate.open();
            h.awaitJob(fourth, JobStatus.COMPLETED);
            PrinterInfo idle = assertQueued(h, 0, null);
            assertEquals(PrinterState.IDLE, idle.state());
            assertEquals(JobStatus.COMPLETED, h.printer.job(third).orElseThrow().state());
            assertEquals(JobStatus.CANCELED, h.printer.job(second).orElseThrow().state());
        }
    }

    @Test
    void pausedPrinterCountsEveryQueuedJobAndCancelingTheLastEmptiesIt() throws Exception {
        try (PrinterHarness h = PrinterHarness.start(dir, PrinterHarness.instant())) {
            h.printer.pause();
            long[] ids = new long[5];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = h.submit("job" + i, 1, 1);
                assertQueued(h, i + 1, null);
            }
            h.restart();
            assertEquals(PrinterState.STOPPED, assertQueued(h, 5, null).state(), "still paused after a restart");
            for (int i = 0; i < ids.length; i++) {
                h.printer.cancel(ids[i]);
                assertQueued(h, ids.length - 1 - i, null);
            }
            h.printer.resume();
            PrinterInfo status = assertQueued(h, 0, null);
            assertNull(status.printing());
            assertEquals(PrinterState.IDLE, status.state());
        }
    }

    @Test
    void acceptingAJobAnswersWithItPendingAndCountedInTheStatus() throws Exception {
        try (PrinterHarness h = PrinterHarness.start(dir, PrinterHarness.instant())) {
            h.printer.pause();
            h.submit("earlier", 1, 1);
            JobRecord record;
            try (JobUpload upload = h.spool.begin(JobHeader.of("later").withUser("ada"))) {
                upload.write(ByteBuffer.wrap("later\n".getBytes(StandardCharsets.UTF_8)));
                record = upload.commit();
            }
            Accepted accepted = h.printer.accept(record);
            assertEquals(record.id(), accepted.job().id());
            assertEquals(JobStatus.PENDING, accepted.job().state());
            assertEquals(2, accepted.printer().queued(), "the reply's printer counts the job just accepted");
            assertEquals(PrinterState.STOPPED, accepted.printer().state());
            assertEquals(h.printer.status(), accepted.printer());
        }
    }
}
