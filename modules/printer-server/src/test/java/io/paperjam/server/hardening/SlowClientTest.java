package io.paperjam.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.server.PrinterServer;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Clients that are too slow to send, or never read, cannot hold the server or make it hoard memory. */
@Timeout(60)
class SlowClientTest {

    private static final Duration IDLE = Duration.ofSeconds(1);
    private static final byte[] STATUS = "{\"op\":\"status\"}\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path spool;

    @Test
    void aClientTricklingItsRequestLineIsCutOffWithATimeout() throws Exception {
        try (PrinterServer server = PrinterServer.start(Fixtures.settings(spool).withIdleTimeout(IDLE));
             Wire slow = Wire.connect(server.address())) {
            long start = System.nanoTime();
            slow.socket().setSoTimeout(50);
            String reply = null;
            // one byte every 300 ms: never idle for the 1 s timeout, but the line would take 5 s to arrive
            for (int i = 0; i < STATUS.length - 1 && reply == null; i++) {
                try {
                    slow.send(new byte[] {STATUS[i]});
                } catch (IOException closed) {
                    break;
                }
                reply = readWithin(slow, 300);
            }
            slow.socket().setSoTimeout(5_000);
            if (reply == null) {
                reply = slow.readLine();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            JsonNode timeout = Fixtures.assertCleanReply(reply);
            assertEquals("timeout", timeout.path("error").asText(), timeout.toString());
            assertTrue(took.compareTo(IDLE.multipliedBy(3)) < 0, "cut off after " + took);
            assertTrue(slow.closedByServer());
            try (Wire other = Wire.connect(server.address())) {
                other.send(STATUS);
                assertTrue(Fixtures.assertCleanReply(other.readLine()).path("ok").asBoolean());
            }
        }
    }

    @Test
    void aClientSendingOneByteASecondIsCutOff() throws Exception {
        try (PrinterServer server = PrinterServer.start(Fixtures.settings(spool).withIdleTimeout(IDLE));
             Wire slow = Wire.connect(server.address())) {
            slow.socket().setSoTimeout(1_000);
            String reply = null;
            for (int i = 0; i < STATUS.length - 1 && reply == null; i++) {
                try {
                    slow.send(new byte[] {STATUS[i]});
                } catch (IOException closed) {
                    break;
                }
                reply = readWithin(slow, 1_000);
            }
            assertEquals("timeout", Fixtures.assertCleanReply(reply).path("error").asText());
        }
    }

    @Test
    void aClientThatNeverReadsRepliesIsNoLongerReadAndTheServerBuffersLittle() throws Exception {
        int requests = 2_000_000;   // 32 MB of requests, far more than socket buffers hold
        try (PrinterServer server = PrinterServer.start(Fixtures.settings(spool));
             SocketChannel greedy = SocketChannel.open(server.address())) {
            greedy.configureBlocking(false);
            ByteBuffer batch = ByteBuffer.allocate(STATUS.length * 4096);
            while (batch.remaining() >= STATUS.length) {
                batch.put(STATUS);
            }
            long sent = 0;
            long stuckSince = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (sent < (long) requests * STATUS.length && System.nanoTime() < deadline) {
                batch.flip();
                int n = greedy.write(batch);
                batch.compact();
                while (batch.remaining() >= STATUS.length && batch.position() % STATUS.length == 0) {
                    batch.put(STATUS);
                }
                sent += n;
                if (n > 0) {
                    stuckSince = 0;
                } else if (stuckSince == 0) {
                    stuckSince = System.nanoTime();
                } else if (System.nanoTime() - stuckSince > Duration.ofSeconds(1).toNanos()) {
                    break;   // the server stopped reading: our send buffer stays full
                } else {
                    Thread.sleep(5);
                }
            }
            assertTrue(sent < (long) requests * STATUS.length, "the server read all " + sent + " bytes");
            assertEquals(1, ServerInternals.notReading(server), "the server should stop reading the greedy client");
            long pending = ServerInternals.pendingOutboundBytes(server);
            assertTrue(pending < 1 << 20, pending + " reply bytes buffered for a client that does not read");
            try (Wire other = Wire.connect(server.address())) {
                other.send(STATUS);
                assertTrue(Fixtures.assertCleanReply(other.readLine()).path("ok").asBoolean(), "others are served");
            }
            long complete = sent / STATUS.length;
            assertEquals(complete, readReplies(greedy, complete), "every request sent is answered once read");
        }
    }

    /** Reads replies until {@code expected} lines came or nothing more arrives for 5 s. */
    private static long readReplies(SocketChannel channel, long expected) throws IOException, InterruptedException {
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        long lines = 0;
        long lastData = System.nanoTime();
        while (lines < expected && System.nanoTime() - lastData < Duration.ofSeconds(5).toNanos()) {
            in.clear();
            int n = channel.read(in);
            if (n < 0) {
                break;
            }
            if (n == 0) {
                Thread.sleep(1);
                continue;
            }
            lastData = System.nanoTime();
            for (int i = 0; i < n; i++) {
                if (in.get(i) == '\n') {
                    lines++;
                }
            }
        }
        return lines;
    }

    private static String readWithin(Wire wire, long millis) throws IOException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            try {
                return wire.readLine();
            } catch (SocketTimeoutException e) {
                // nothing yet
            }
        }
        return null;
    }
}
