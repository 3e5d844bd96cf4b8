package io.paperjam.server.ipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.SupplyKind;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device fault is what an IPP client sees: paper-out set on the printer shows as
 * media-empty-error (to ipptool and to a jipp client), a job sent meanwhile waits, and it completes
 * with every page once the tray is refilled.
 */
class IppFaultTest {

    private static final int PRINT_JOB = 0x0002;
    private static final int GET_PRINTER_ATTRIBUTES = 0x000B;
    private static final int GET_JOB_ATTRIBUTES = 0x0009;
    private static final int COMPLETED = 9;
    private static final long WAIT_MILLIS = 10_000;

    @TempDir
    Path dir;

    @Test
    void paperOutIsVisibleToIpptool() throws Exception {
        try (IppTestPrinter p = IppTestPrinter.start(dir);
             InputStream test = getClass().getResourceAsStream("/ipp/paper-out.test")) {
            Files.copy(test, dir.resolve("paper-out.test"));
            Ipptool.Run healthy = Ipptool.run(dir, 30, "-t", p.uri().toString(), "paper-out.test");
            assertEquals(1, healthy.exitCode(), "a healthy printer must fail the paper-out expectations:\n"
                    + healthy.output());

            p.printer.setFaults(List.of(PrinterReason.PAPER_OUT));
            Ipptool.Run out = Ipptool.run(dir, 30, "-t", p.uri().toString(), "paper-out.test");
            assertEquals(0, out.exitCode(), out.output());
        }
    }

    @Test
    void jobSentDuringPaperOutCompletesAfterRefill() throws Exception {
        try (IppTestPrinter p = IppTestPrinter.start(dir);
             InputStream pdf = getClass().getResourceAsStream("/ipp/testfile.pdf")) {
            IppTestClient client = new IppTestClient(p.uri());
            p.printer.setFaults(List.of(PrinterReason.PAPER_OUT));

            IppPacket status = client.send(client.request(GET_PRINTER_ATTRIBUTES, "alice", List.of(
                    IppAttrs.keyword("requested-attributes", "printer-state", "printer-state-reasons")), List.of()));
            assertEquals(5, IppTestClient.number(status, Tag.printerAttributes, "printer-state"));
            assertTrue(IppTestClient.strings(status, Tag.printerAttributes, "printer-state-reasons")
                    .contains("media-empty-error"));

            IppPacket printed = client.send(client.request(PRINT_JOB, "alice", List.of(
                    IppAttrs.name("job-name", "report.pdf"),
                    IppAttrs.mimeType("document-format", "application/pdf")), List.of()), pdf.readAllBytes());
            assertEquals(0, printed.getCode(), printed.toString());
            int jobId = IppTestClient.number(printed, Tag.jobAttributes, "job-id");

            IppPacket waiting = jobAttributes(client, jobId);
            assertTrue(Set.of(3, 6).contains(IppTestClient.number(waiting, Tag.jobAttributes, "job-state")),
                    waiting.toString());
            assertTrue(IppTestClient.strings(waiting, Tag.jobAttributes, "job-state-reasons")
                    .contains("printer-stopped"), waiting.toString());

            p.printer.refill(SupplyKind.PAPER);
            p.printer.clearFaults(List.of(PrinterReason.PAPER_OUT));

            IppPacket done = waitForState(client, jobId, COMPLETED);
            assertEquals(2, IppTestClient.number(done, Tag.jobAttributes, "job-impressions-completed"));
            assertEquals(List.of("job-completed-successfully"),
                    IppTestClient.strings(done, Tag.jobAttributes, "job-state-reasons"));
        }
    }

    private static IppPacket jobAttributes(IppTestClient client, int jobId) throws Exception {
        return client.send(client.request(GET_JOB_ATTRIBUTES, "alice",
                List.of(IppAttrs.integer("job-id", jobId)), List.of()));
    }

    private static IppPacket waitForState(IppTestClient client, int jobId, int state) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        IppPacket last = null;
        for (int i = 0; i < 1000 && System.currentTimeMillis() < deadline; i++) {
            last = jobAttributes(client, jobId);
            if (IppTestClient.number(last, Tag.jobAttributes, "job-state") == state) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + jobId + " never reached state " + state + ": " + last);
    }
}
