package io.paperjam.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.client.ClientSettings;
import io.paperjam.client.ClientTls;
import io.paperjam.client.PrintClient;
import io.paperjam.client.SubmitOptions;
import io.paperjam.client.Submission;
import io.paperjam.protocol.PrinterState;
import io.paperjam.server.PrinterServer;
import io.paperjam.server.ServerSettings;
import io.paperjam.server.TlsSettings;
import io.paperjam.server.core.PrinterSettings;
import io.paperjam.server.device.DeviceSettings;
import io.paperjam.server.device.Pacer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON port over TLS, end to end: a server started with a self-signed certificate (made once in
 * its spool's tls/ folder) and the real client, pinning that certificate with --tls-trust or
 * {@link ClientTls#trusting}. Forgetting TLS, or trusting the wrong certificate, ends in one clear line.
 */
@Timeout(60)
class TlsEndToEndTest {

    @TempDir
    static Path work;

    private static PrinterServer server;
    private static Path cert;

    @BeforeAll
    static void start() throws Exception {
        server = PrinterServer.start(settings(work.resolve("spool")).withTls(TlsSettings.selfSignedInSpool()));
        cert = TlsSettings.selfSignedCertificate(server.spoolDir());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ServerSettings settings(Path spool) {
        DeviceSettings device = DeviceSettings.defaults().withPpm(0);
        return ServerSettings.defaults().withSpoolDir(spool).withPort(0)
                .withPrinter(PrinterSettings.defaults().withDevice(device).withPacer(Pacer.instant()));
    }

    private Cli cli() {
        return new Cli(work, server.port());
    }

    @Test
    void theSelfSignedPairIsMadeOnceAndTheKeyIsOwnerOnly() throws Exception {
        assertTrue(Files.readString(cert).startsWith("-----BEGIN CERTIFICATE-----"));
        Path key = cert.resolveSibling(TlsSettings.KEY_FILE);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(key));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(cert.getParent()));
    }

    @Test
    void submitAndStatusWorkOverTlsWithThePinnedCertificate() throws Exception {
        Files.writeString(work.resolve("secret.txt"), "over TLS\n");
        Cli.Result submitted = cli().run("--tls-trust", cert.toString(), "submit", "secret.txt", "--json");
        assertEquals(0, submitted.exit(), submitted.toString());
        assertTrue(submitted.out().contains("\"ok\":true"), submitted.toString());

        Cli.Result status = cli().run("--tls-trust", cert.toString(), "status");
        assertEquals(0, status.exit(), status.toString());

        ClientSettings library = ClientSettings.defaults().withPort(server.port()).withTls(ClientTls.trusting(cert));
        try (PrintClient client = PrintClient.connect(library)) {
            Submission job = client.submit(new java.io.ByteArrayInputStream("via the library\n"
                    .getBytes(StandardCharsets.US_ASCII)), 16, SubmitOptions.defaults().withName("lib.txt"), null);
            assertEquals("lib.txt", job.job().name());
            assertTrue(client.status().state() != PrinterState.STOPPED);
        }
    }

    @Test
    void aPlaintextClientOnTheTlsPortGetsOneLineSayingSo() {
        Cli.Result plain = cli().run("status");
        assertEquals(1, plain.exit(), plain.toString());
        assertEquals(1, plain.err().strip().lines().count(), plain.toString());
        assertTrue(plain.err().contains("this port speaks TLS"), plain.toString());
    }

    @Test
    void aTrustFileThatDoesNotMatchFailsWithOneLineAndExit4() throws Exception {
        Path otherSpool = work.resolve("other-spool");
        try (PrinterServer other = PrinterServer.start(settings(otherSpool).withTls(TlsSettings.selfSignedInSpool()))) {
            Path wrong = TlsSettings.selfSignedCertificate(other.spoolDir());
            Cli.Result r = cli().run("--tls-trust", wrong.toString(), "status");
            assertEquals(4, r.exit(), r.toString());
            assertEquals(1, r.err().strip().lines().count(), r.toString());
            assertTrue(r.err().contains("its certificate is not trusted by the trust file " + wrong), r.toString());
        }
    }

    @Test
    void theSystemTrustStoreDoesNotTrustASelfSignedPrinter() {
        Cli.Result r = cli().run("--tls", "status");
        assertEquals(4, r.exit(), r.toString());
        assertTrue(r.err().contains("not trusted by the system's trust store"), r.toString());
    }

    @Test
    void aTlsClientOnAPlainPortSaysThePortHasNoTls() throws Exception {
        try (PrinterServer plain = PrinterServer.start(settings(work.resolve("plain-spool")))) {
            Cli.Result r = new Cli(work, plain.port()).run("--tls-trust", cert.toString(), "status");
            assertEquals(4, r.exit(), r.toString());
            assertEquals(1, r.err().strip().lines().count(), r.toString());
            assertTrue(r.err().contains("answered without TLS: it does not speak TLS on this port"), r.toString());
        }
    }

    @Test
    void aTlsClientGivesUpOnASilentPortAfterTheConnectTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.Result r = new Cli(work, silent.getLocalPort()).run("--tls-trust", cert.toString(),
                    "--timeout", "0.5", "status");
            assertEquals(4, r.exit(), r.toString());
            assertTrue(r.err().contains("no TLS answer from 127.0.0.1:" + silent.getLocalPort() + " within 500 ms"),
                    r.toString());
        }
    }

    @Test
    void aMissingTrustFileIsNamed() {
        Cli.Result r = cli().run("--tls-trust", "nowhere.pem", "status");
        assertEquals(4, r.exit(), r.toString());
        assertTrue(r.err().contains("nowhere.pem does not exist"), r.toString());
    }
}
