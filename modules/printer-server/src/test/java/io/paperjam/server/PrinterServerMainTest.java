package io.paperjam.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.protocol.PrinterReason;
import io.paperjam.server.core.WhenFaulted;
import io.paperjam.server.device.DeviceSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PrinterServerMainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = PrinterServerMain.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpDescribesEveryFlagWithItsDefault() {
        assertEquals(0, run("--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        for (String flag : new String[] {"--spool", "--host", "--port", "--ppm", "--tray-capacity", "--paper",
            "--colours", "--ink", "--max-header-bytes", "--max-document-bytes", "--quota-bytes", "--quota-jobs",
            "--max-connections", "--idle-timeout", "--when-faulted", "--fault", "--jam-rate", "--seed",
            "--fault-plan", "--admin-token", "--retain-jobs", "--retain-days", "--shutdown-grace",
            "--close-drain", "--[no-]trust-loopback"}) {
            assertTrue(help.contains(flag), "help lacks " + flag + ":\n" + help);
        }
        assertTrue(help.contains("default: 6310"), help);
        assertTrue(help.contains("default: 127.0.0.1"), help);
    }

    @Test
    void aBadFlagIsOneLineAndStatus2() {
        assertEquals(2, run("--port", "many"));
        assertTrue(err.toString().contains("--port"), err.toString());
        assertEquals(2, run("--fault", "hungry"));
        assertTrue(err.toString().contains("'hungry' is not a fault"), err.toString());
        assertEquals(2, run("--close-drain", "2h"));
        assertTrue(err.toString().contains("close drain must be 0s to 60m: 7200s"), err.toString());
    }

    @Test
    void flagsBecomeSettings() {
        CommandLine cli = PrinterServerMain.newCommandLine();
        cli.parseArgs("--spool", "/tmp/x", "--port", "0", "--ppm", "0", "--tray-capacity", "3", "--colours", "cmyk",
                "--ink", "40", "--max-header-bytes", "1K", "--max-document-bytes", "10M", "--quota-jobs", "7",
                "--idle-timeout", "90s", "--when-faulted", "reject", "--fault", "paper-out", "--fault", "cover-open",
                "--fault-plan", "paper-jam@job=1,page=3", "--no-trust-loopback", "--retain-days", "2",
                "--close-drain", "1m");
        ServerSettings settings = ((PrinterServerMain) cli.getCommand()).options.toSettings();
        assertEquals(Path.of("/tmp/x"), settings.spoolDir());
        assertEquals(0, settings.port());
        assertEquals(1024, settings.maxHeaderBytes());
        assertEquals(10L << 20, settings.maxDocumentBytes());
        assertEquals(7, settings.spool().quotaJobs());
        assertEquals(Duration.ofDays(2), settings.spool().retainDoneAge());
        assertEquals(Duration.ofMinutes(1), settings.spool().closeDrain());
        assertEquals(Duration.ofSeconds(90), settings.idleTimeout());
        assertEquals(WhenFaulted.REJECT, settings.printer().whenFaulted());
        assertEquals(3, settings.printer().device().trayCapacity());
        assertEquals(DeviceSettings.CMYK, settings.printer().device().colours());
        assertEquals(40, settings.printer().device().initialInkPercent());
        assertEquals(java.util.Set.of(PrinterReason.PAPER_OUT, PrinterReason.COVER_OPEN),
                settings.printer().faultPlan().initialFaults());
        assertEquals(1, settings.printer().faultPlan().scripted().size());
        assertEquals(false, settings.trustLoopback());
    }

    @Test
    void doorsAreShutUnlessAskedForAndTakeTheirUsualPortWithoutANumber() {
        ServerSettings none = settings();
        assertEquals(null, none.rawPort());
        assertEquals(null, none.lpdPort());
        assertEquals(null, none.ippPort());
        assertEquals(null, none.tls());

        ServerSettings bare = settings("--raw-port", "--lpd-port", "--ipp-port");
        assertEquals(9100, bare.rawPort());
        assertEquals(5515, bare.lpdPort());
        assertEquals(6631, bare.ippPort());

        ServerSettings numbered = settings("--raw-port", "0", "--lpd-port=1515", "--ipp-port", "7631");
        assertEquals(0, numbered.rawPort());
        assertEquals(1515, numbered.lpdPort());
        assertEquals(7631, numbered.ippPort());
    }

    @Test
    void tlsFlagsBecomeTlsSettingsAndHalfAPairIsABadCommandLine() {
        assertEquals(TlsSettings.files(Path.of("c.pem"), Path.of("k.pem")),
                settings("--tls-cert", "c.pem", "--tls-key", "k.pem").tls());
        assertEquals(TlsSettings.selfSignedInSpool(), settings("--tls-self-signed").tls());

        assertEquals(2, run("--tls-cert", "c.pem", "--spool", "/nonexistent/never"));
        assertTrue(err.toString().contains("TLS needs both --tls-cert and --tls-key"), err.toString());
        assertEquals(2, run("--tls-self-signed", "--tls-key", "k.pem"));
        assertTrue(err.toString().contains("--tls-self-signed makes its own certificate"), err.toString());
    }

    @Test
    void helpListsTheDoorsAndTls() {
        assertEquals(0, run("--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        for (String flag : new String[] {"--raw-port", "--lpd-port", "--ipp-port", "--tls-cert", "--tls-key",
            "--tls-self-signed"}) {
            assertTrue(help.contains(flag), "help lacks " + flag + ":\n" + help);
        }
        assertTrue(help.contains("default when given: 9100"), help);
    }

    @Test
    void diskThreadsAreAFlagWithADefaultAndZeroIsABadCommandLine() {
        assertEquals(ServerSettings.DEFAULT_DISK_THREADS, settings().diskThreads());
        assertEquals(16, settings("--disk-threads", "16").diskThreads());
        assertEquals(0, run("--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("--disk-threads=N") && help.contains("(default: " + ServerSettings.DEFAULT_DISK_THREADS + ")"),
                help);
        assertEquals(2, run("--disk-threads", "0", "--spool", "/nonexistent/never"));
        assertTrue(err.toString().contains("diskThreads must be at least 1"), err.toString());
    }

    private static ServerSettings settings(String... args) {
        CommandLine cli = PrinterServerMain.newCommandLine();
        cli.parseArgs(args);
        return ((PrinterServerMain) cli.getCommand()).options.toSettings();
    }

    @Test
    void sizesAndDurationsReadTheUsualSuffixes() {
        SizeConverter sizes = new SizeConverter();
        assertEquals(65536L, sizes.convert("64K"));
        assertEquals(4L << 30, sizes.convert("4G"));
        assertEquals(123L, sizes.convert("123"));
        assertThrows(CommandLine.TypeConversionException.class, () -> sizes.convert("lots"));
        DurationConverter durations = new DurationConverter();
        assertEquals(Duration.ofMillis(500), durations.convert("500ms"));
        assertEquals(Duration.ofMinutes(2), durations.convert("2m"));
        assertEquals(Duration.ofMinutes(2), durations.convert("PT2M"));
        assertThrows(CommandLine.TypeConversionException.class, () -> durations.convert("soon"));
    }
}
