package io.paperjam.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.protocol.ChecksumTrailer;
import io.paperjam.protocol.ErrorCode;
import io.paperjam.protocol.GoldenVectors;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.PrinterState;
import io.paperjam.protocol.Reply;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How the library behaves when the printer refuses, goes quiet, or is not there. */
@Timeout(30)
class PrintClientTest {

    @Test
    void errorReplyBecomesPrinterExceptionWithCodeAndPrinterState() throws Exception {
        try (FakePrinter fake = new FakePrinter(line -> FakePrinter.Answer.raw(GoldenVectors.reply("error-paper-out")));
             PrintClient client = PrintClient.connect(fake.settings())) {
            PrinterException e = assertThrows(PrinterException.class, () -> client.submit(
                    new ByteArrayInputStream(new byte[3]), 3, SubmitOptions.defaults(), ProgressListener.NONE));
            assertEquals(ErrorCode.PAPER_OUT, e.code());
            assertEquals(PrinterReason.PAPER_OUT, e.fault().orElseThrow());
            assertEquals(PrinterState.STOPPED, e.printer().state());
            assertTrue(e.getMessage().contains("nothing was queued"), e.getMessage());
        }
    }

    @Test
    void earlyRefusalStopsTheUploadAndTheNextRequestUsesAFreshConnection() throws Exception {
        try (FakePrinter fake = new FakePrinter(line -> line.contains("submit")
                ? FakePrinter.Answer.early(Reply.error(ErrorCode.TOO_LARGE, "document is over 1 MiB"))
                : FakePrinter.Answer.of(Reply.success()));
             PrintClient client = PrintClient.connect(fake.settings())) {
            long size = 64L << 20; // far more than socket buffers hold, so the upload must notice the reply
            List<Long> progress = new ArrayList<>();
            PrinterException e = assertThrows(PrinterException.class, () -> client.submit(
                    new ZeroStream(size), size, SubmitOptions.defaults(), (sent, total) -> progress.add(sent)));
            assertEquals(ErrorCode.TOO_LARGE, e.code());
            assertTrue(progress.get(progress.size() - 1) < size, "stopped before sending everything");
            client.status(); // reconnects transparently
            assertEquals(2, fake.lines().size());
        }
    }

    @Test
    void aFileIsSentOnceWithItsDigestInTheChecksumTrailer(@TempDir Path dir) throws Exception {
        byte[] document = new byte[(3 << 20) + 17];   // several file chunks and a partial one
        new java.util.Random(7).nextBytes(document);
        Path file = Files.write(dir.resolve("big.bin"), document);
        try (FakePrinter fake = new FakePrinter(line -> FakePrinter.Answer.of(Reply.success()));
             PrintClient client = PrintClient.connect(fake.settings())) {
            List<Long> progress = new ArrayList<>();
            client.submit(file, SubmitOptions.defaults(), (sent, total) -> progress.add(sent));
            assertTrue(fake.lines().get(0).contains("\"sha256\":\"trailer\""), fake.lines().get(0));
            assertArrayEquals(document, fake.bodies().get(0));
            assertEquals(List.of(new String(new ChecksumTrailer(Sha256.of(document)).line(), StandardCharsets.UTF_8)
                    .strip()), fake.trailers());
            assertEquals(List.of(0L, 1L << 20, 2L << 20, 3L << 20, (long) document.length), progress);
            client.status();   // the connection is still in step
            assertEquals(2, fake.lines().size());
        }
    }

    @Test
    void aBigFileIsHashedOnAHelperWhileSentAndItsTrailerIsTheSame(@TempDir Path dir) throws Exception {
        byte[] document = new byte[(int) DocumentUpload.HASH_BEHIND_BYTES * 2 + 12_345];  // many turns of the ring
        new java.util.Random(11).nextBytes(document);
        Path file = Files.write(dir.resolve("bigger.bin"), document);
        try (FakePrinter fake = new FakePrinter(line -> FakePrinter.Answer.of(Reply.success()));
             PrintClient client = PrintClient.connect(fake.settings())) {
            client.submit(file, SubmitOptions.defaults());
            assertArrayEquals(document, fake.bodies().get(0));
            assertEquals(List.of(new String(new ChecksumTrailer(Sha256.of(document)).line(), StandardCharsets.UTF_8)
                    .strip()), fake.trailers());
        }
    }

    @Test
    void aDigestGivenByTheCallerStaysInTheRequestLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("hello.txt"), "hello world");
        String sha = Sha256.of("hello world".getBytes(StandardCharsets.US_ASCII));
        try (FakePrinter fake = new FakePrinter(line -> FakePrinter.Answer.of(Reply.success()));
             PrintClient client = PrintClient.connect(fake.settings())) {
            client.submit(file, SubmitOptions.defaults().withSha256(sha));
            assertTrue(fake.lines().get(0).contains("\"sha256\":\"" + sha + "\""), fake.lines().get(0));
            assertEquals(List.of(), fake.trailers());
            assertEquals("hello world", new String(fake.bodies().get(0), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void earlyRefusalStopsAFileUploadToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sparse.bin");
        long size = 64L << 20;
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(size);
        }
        try (FakePrinter fake = new FakePrinter(line -> line.contains("submit")
                ? FakePrinter.Answer.early(Reply.error(ErrorCode.TOO_LARGE, "document is over 1 MiB"))
                : FakePrinter.Answer.of(Reply.success()));
             PrintClient client = PrintClient.connect(fake.settings())) {
            List<Long> progress = new ArrayList<>();
            PrinterException e = assertThrows(PrinterException.class,
                    () -> client.submit(file, SubmitOptions.defaults(), (sent, total) -> progress.add(sent)));
            assertEquals(ErrorCode.TOO_LARGE, e.code());
            assertTrue(progress.get(progress.size() - 1) < size, "stopped before sending everything");
            client.status();
            assertEquals(2, fake.lines().size());
        }
    }

    @Test
    void silentPrinterTimesOut() throws Exception {
        try (FakePrinter fake = new FakePrinter(line -> FakePrinter.Answer.silence());
             PrintClient client = PrintClient.connect(fake.settings().withReadTimeout(Duration.ofMillis(300)))) {
            PrinterTimeoutException e = assertThrows(PrinterTimeoutException.class, client::status);
            assertTrue(e.getMessage().contains("no answer"), e.getMessage());
        }
    }

    @Test
    void refusedConnectionSaysSoInOneLine() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        PrinterConnectException e = assertThrows(PrinterConnectException.class,
                () -> PrintClient.connect(ClientSettings.defaults().withPort(port)));
        assertEquals("cannot connect to 127.0.0.1:" + port + ": connection refused — is bin/printer-server running?",
                e.getMessage());
    }

    @Test
    void garbageReplyIsAClientErrorNotACrash() throws Exception {
        try (FakePrinter fake = new FakePrinter(line -> FakePrinter.Answer.raw("<html>\n".getBytes()));
             PrintClient client = PrintClient.connect(fake.settings())) {
            PrintClientException e = assertThrows(PrintClientException.class, client::status);
            assertTrue(e.getMessage().startsWith("the printer sent a line that is not a reply"), e.getMessage());
        }
    }

    @Test
    void watchSkipsTheAcknowledgementAndDeliversEvents() throws Exception {
        byte[] ack = io.paperjam.protocol.Json.line(Reply.success().withProtocol(1));
        byte[] page = GoldenVectors.reply("event-page");
        byte[] both = new byte[ack.length + page.length];
        System.arraycopy(ack, 0, both, 0, ack.length);
        System.arraycopy(page, 0, both, ack.length, page.length);
        try (FakePrinter fake = new FakePrinter(line -> FakePrinter.Answer.raw(both));
             PrintClient client = PrintClient.connect(fake.settings());
             Watch watch = client.watch()) {
            var event = watch.next(Duration.ofSeconds(5)).orElseThrow();
            assertEquals("page", event.event());
            assertEquals(2, event.page());
            assertEquals(7, event.job().id());
            assertEquals(12, watch.lastSeq());
        }
    }

    @Test
    void aRefusedWatchFailsAtOnceWithThePrintersCode() throws Exception {
        try (FakePrinter fake = new FakePrinter(line -> FakePrinter.Answer.of(
                Reply.error(io.paperjam.protocol.ErrorCode.BUSY, "too many watchers")));
             PrintClient client = PrintClient.connect(fake.settings())) {
            PrinterException refused = assertThrows(PrinterException.class, client::watch);
            assertEquals(io.paperjam.protocol.ErrorCode.BUSY, refused.code());
        }
    }

    @Test
    void watchListenerGetsEventsOnABackgroundThreadUntilClosed() throws Exception {
        byte[] ack = io.paperjam.protocol.Json.line(Reply.success().withProtocol(1));
        byte[] page = GoldenVectors.reply("event-page");
        byte[] both = new byte[ack.length + page.length];
        System.arraycopy(ack, 0, both, 0, ack.length);
        System.arraycopy(page, 0, both, ack.length, page.length);
        java.util.concurrent.BlockingQueue<io.paperjam.protocol.Event> got = new java.util.concurrent.LinkedBlockingQueue<>();
        try (FakePrinter fake = new FakePrinter(line -> FakePrinter.Answer.raw(both));
             PrintClient client = PrintClient.connect(fake.settings());
             Watch watch = client.watch(got::add)) {
            var event = got.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            assertNotNull(event, "the listener was called");
            assertEquals(12, event.seq());
            client.status(); // the request connection stays usable while watching
        }
    }

    @Test
    void anUnaskedLineOnAnIdleConnectionIsNotTakenAsTheNextReply() throws Exception {
        byte[] okThenIdleTimeout = (new String(io.paperjam.protocol.Json.line(Reply.success()))
                + "{\"ok\":false,\"error\":\"timeout\",\"message\":\"idle for 120 s\"}\n").getBytes();
        try (FakePrinter fake = new FakePrinter(line -> FakePrinter.Answer.raw(okThenIdleTimeout));
             PrintClient client = PrintClient.connect(fake.settings())) {
            client.status();
            Thread.sleep(100); // let the second line arrive, as it would after the server's idle timeout
            client.status();   // must not throw the stale timeout: it reconnects
            assertEquals(2, fake.lines().size());
        }
    }

    @Test
    void errorCodeUnknownToThisBuildStillThrowsCleanly() throws Exception {
        byte[] future = "{\"ok\":false,\"error\":\"toner-on-fire\",\"message\":\"smoke\"}\n".getBytes();
        try (FakePrinter fake = new FakePrinter(line -> FakePrinter.Answer.raw(future));
             PrintClient client = PrintClient.connect(fake.settings())) {
            PrinterException e = assertThrows(PrinterException.class, client::status);
            assertEquals("smoke", e.getMessage());
            assertNotNull(e.code());
            assertInstanceOf(PrintClientException.class, e);
        }
    }

    /** {@code size} zero bytes without holding them in memory. */
    private static final class ZeroStream extends InputStream {
        private long left;

        ZeroStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
