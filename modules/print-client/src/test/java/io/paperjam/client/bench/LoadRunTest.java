package io.paperjam.client.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.protocol.PrinterReason;
import io.paperjam.server.PrinterServer;
import io.paperjam.server.ServerSettings;
import io.paperjam.server.core.PrinterSettings;
import io.paperjam.server.core.WhenFaulted;
import io.paperjam.server.device.DeviceSettings;
import io.paperjam.server.device.FaultPlan;
import io.paperjam.server.device.Pacer;
import io.paperjam.spool.JobState;
import io.paperjam.spool.Spool;
import io.paperjam.spool.SpoolSettings;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import io.paperjam.client.FakePrinter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The load generator against a real server on a loopback port: a correctness test, never a timed one. */
class LoadRunTest {

    @TempDir
    Path dir;

    private static PrinterServer server(Path spool, PrinterSettings printer) throws Exception {
        return PrinterServer.start(ServerSettings.defaults().withSpoolDir(spool).withPort(0).withPrinter(printer));
    }

    private static PrinterSettings printingInstantly() {
        return PrinterSettings.defaults().withPacer(Pacer.instant())
                .withDevice(DeviceSettings.defaults().withPpm(0).withTrayCapacity(10_000));
    }

    @ParameterizedTest
    @EnumSource(names = {"SELECTOR", "LEAN"})
    void everyJobOfACountedRunIsAcknowledgedAndStored(BenchSettings.Sender sender) throws Exception {
        Path spool = dir.resolve("spool");
        BenchResult result;
        try (PrinterServer server = server(spool, printingInstantly())) {
            result = new LoadRun(BenchSettings.defaults().withPort(server.port()).withConnections(8)
                    .withCount(200).withDuration(Duration.ofMinutes(2)).withSender(sender)).run();
        }
        assertEquals(sender.name().toLowerCase(), result.sender());
        assertEquals(200, result.jobs(), result.text());
        assertEquals(0, result.errors(), result.text());
        assertEquals(8, result.connections());
        assertTrue(result.jobsPerSecond() > 0 && result.p50Millis() > 0, result.text());
        assertTrue(result.p50Millis() <= result.p99Millis() && result.p99Millis() <= result.p999Millis()
                && result.p999Millis() <= result.maxMillis(), result.text());
        try (Spool reopened = Spool.open(spool, SpoolSettings.defaults())) {
            long stored = reopened.jobs().stream().filter(j -> j.size() == 4096).count();
            assertEquals(200, stored, "every acknowledged job is in the spool");
        }
    }

    @Test
    void theLibrarySenderSubmitsTheSameJobs() throws Exception {
        BenchResult result;
        try (PrinterServer server = server(dir.resolve("spool"), printingInstantly())) {
            result = new LoadRun(BenchSettings.defaults().withPort(server.port()).withConnections(4)
                    .withCount(40).withJobBytes(1000).withSender(BenchSettings.Sender.LIBRARY)).run();
        }
        assertEquals(40, result.jobs(), result.text());
        assertEquals(0, result.errors(), result.text());
        assertEquals("library", result.sender());
    }

    private static PrinterSettings offlineAndRejecting() {
        return printingInstantly().withWhenFaulted(WhenFaulted.REJECT)
                .withFaultPlan(FaultPlan.parse(List.of(), 0, 1, EnumSet.of(PrinterReason.OFFLINE)));
    }

    @ParameterizedTest
    @EnumSource(names = {"SELECTOR", "LEAN"})
    void refusedJobsAreCountedByTheirErrorCode(BenchSettings.Sender sender) throws Exception {
        BenchResult result;
        try (PrinterServer server = server(dir.resolve("spool"), offlineAndRejecting())) {
            result = new LoadRun(BenchSettings.defaults().withPort(server.port()).withConnections(2)
                    .withCount(20).withSender(sender)).run();
        }
        assertEquals(0, result.jobs());
        assertEquals(Map.of("offline", 20L), result.errorsByCode());
        assertTrue(result.text().contains("errors: 20 (offline 20)"), result.text());
    }

    @Test
    void aPrinterThatIsNotThereEndsTheRunWithConnectFailures() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();   // free once closed: nobody listens there
        }
        BenchResult result = new LoadRun(BenchSettings.defaults().withPort(port).withConnections(2).withCount(4)
                .withTimeout(Duration.ofSeconds(2)).withDuration(Duration.ofSeconds(5))).run();
        assertEquals(0, result.jobs());
        assertTrue(result.errorsByCode().getOrDefault("connect-failed", 0L) >= 2, result.text());
    }

    @Test
    void aRefusalAnsweredBeforeTheDocumentIsSentKeepsTheConnectionInStep() throws Exception {
        BenchResult result;
        try (PrinterServer server = server(dir.resolve("spool"), offlineAndRejecting())) {
            result = new LoadRun(BenchSettings.defaults().withPort(server.port()).withConnections(1)
                    .withJobBytes(8 << 20).withCount(5)).run();
        }
        // the printer refuses each 8 MiB job after its header line; the sender still sends the rest,
        // which the printer skips, so the next job's header is read as a header and refused alike
        assertEquals(Map.of("offline", 5L), result.errorsByCode(), result.text());
    }

    @Test
    void theSelectorSenderSharesTheConnectionsOverItsThreads() throws Exception {
        Path spool = dir.resolve("spool");
        BenchResult result;
        try (PrinterServer server = server(spool, printingInstantly())) {
            result = new LoadRun(BenchSettings.defaults().withPort(server.port()).withConnections(7)
                    .withThreads(3).withCount(150).withJobBytes(100)).run();
        }
        assertEquals(150, result.jobs(), result.text());
        assertEquals(0, result.errors(), result.text());
        try (Spool reopened = Spool.open(spool, SpoolSettings.defaults())) {
            assertEquals(150, reopened.jobs().stream().filter(j -> j.size() == 100).count());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"SELECTOR", "LEAN"})
    @Timeout(120)
    void aRunWithoutEnoughJobsToEndItEndsAtItsDuration(BenchSettings.Sender sender) throws Exception {
        BenchResult result;
        try (PrinterServer server = server(dir.resolve("spool"), printingInstantly())) {
            result = new LoadRun(BenchSettings.defaults().withPort(server.port()).withConnections(4)
                    .withCount(Long.MAX_VALUE).withJobBytes(100).withDuration(Duration.ofSeconds(1))
                    .withSender(sender)).run();
        }
        assertTrue(result.seconds() >= 1.0, result.text());
        assertTrue(result.jobs() > 0, result.text());
        assertEquals(0, result.errors(), result.text());
    }

    @ParameterizedTest
    @EnumSource(names = {"SELECTOR", "LEAN"})
    void aPrinterThatNeverAnswersCostsEachConnectionATimeout(BenchSettings.Sender sender) throws Exception {
        BenchResult result;
        try (FakePrinter silent = new FakePrinter(line -> FakePrinter.Answer.silence())) {
            result = new LoadRun(BenchSettings.defaults().withPort(silent.port()).withConnections(2).withCount(2)
                    .withTimeout(Duration.ofSeconds(1)).withSender(sender)).run();
        }
        assertEquals(0, result.jobs());
        assertEquals(Map.of("timeout", 2L), result.errorsByCode(), result.text());
    }

    @Test
    void aLongReplyArrivingInPiecesIsReadWhole() throws Exception {
        String padding = "x".repeat(3 * NioConnection.FIRST_REPLY_BUFFER_BYTES);
        byte[] longAck = ("{\"ok\":true,\"message\":\"" + padding + "\"}\n").getBytes(StandardCharsets.UTF_8);
        BenchResult result;
        try (FakePrinter printer = new FakePrinter(line -> FakePrinter.Answer.raw(longAck))) {
            result = new LoadRun(BenchSettings.defaults().withPort(printer.port()).withConnections(2)
                    .withCount(10)).run();
        }
        assertEquals(10, result.jobs(), result.text());
        assertEquals(0, result.errors(), result.text());
    }
}
