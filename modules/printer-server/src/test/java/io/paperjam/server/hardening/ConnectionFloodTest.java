package io.paperjam.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import io.paperjam.server.PrinterServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Thousands of idle connections do not stop the printer answering; one over the limit is told {@code busy}. */
@Timeout(120)
class ConnectionFloodTest {

    /** Idle connections held at once; each costs two file descriptors here (client and server side). */
    static final int FLOOD = 5_000;
    private static final Logger log = LoggerFactory.getLogger(ConnectionFloodTest.class);
    private static final byte[] STATUS = "{\"op\":\"status\"}\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path spool;

    @Test
    void fiveThousandIdleConnectionsAndStatusStillAnswers() throws Exception {
        int flood = affordableConnections();
        List<SocketChannel> idle = new ArrayList<>(flood);
        try (PrinterServer server = PrinterServer.start(Fixtures.settings(spool)
                .withMaxConnections(flood + 100).withIdleTimeout(Duration.ofMinutes(5)))) {
            try {
                long start = System.nanoTime();
                for (int i = 0; i < flood; i++) {
                    idle.add(SocketChannel.open(server.address()));
                    if (i % 1000 == 999) {
                        assertStatusAnswersWithin(server.address(), Duration.ofSeconds(2));
                    }
                }
                awaitConnections(server, flood);
                assertStatusAnswersWithin(server.address(), Duration.ofSeconds(2));
                for (int i = 0; i < idle.size(); i += idle.size() / 20) {   // a sample of the idle ones still work
                    assertEquals("ok", Fixtures.code(Fixtures.json(request(idle.get(i)))));
                }
                log.warn("flood figures: {} idle connections held, status answered throughout ({} ms)",
                        flood, Duration.ofNanos(System.nanoTime() - start).toMillis());
            } finally {
                for (SocketChannel channel : idle) {
                    channel.close();
                }
            }
        }
    }

    @Test
    void theConnectionOverTheLimitIsToldBusyAndTheOthersAreUnharmed() throws Exception {
        int limit = 200;
        List<SocketChannel> open = new ArrayList<>();
        try (PrinterServer server = PrinterServer.start(Fixtures.settings(spool).withMaxConnections(limit))) {
            try {
                for (int i = 0; i < limit; i++) {
                    open.add(SocketChannel.open(server.address()));
                }
                awaitConnections(server, limit);
                for (int i = 0; i < 3; i++) {
                    try (Wire extra = Wire.connect(server.address())) {
                        var busy = Fixtures.assertCleanReply(extra.readLine());
                        assertEquals("busy", busy.path("error").asText(), busy.toString());
                        assertTrue(busy.path("message").asText().contains(limit + " connections"), busy.toString());
                        assertTrue(extra.closedByServer());
                    }
                }
                assertEquals("ok", Fixtures.code(Fixtures.json(request(open.get(0)))));
                assertEquals("ok", Fixtures.code(Fixtures.json(request(open.get(limit - 1)))));
                open.remove(0).close();
                awaitConnections(server, limit - 1);
                try (Wire again = Wire.connect(server.address())) {
                    again.send(STATUS);
                    assertEquals("ok", Fixtures.code(Fixtures.assertCleanReply(again.readLine())), "a freed slot is usable");
                }
            } finally {
                for (SocketChannel channel : open) {
                    channel.close();
                }
            }
        }
    }

    /** The flood size this JVM's file descriptor limit allows, {@link #FLOOD} when it is large enough. */
    private static int affordableConnections() {
        long max = ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getMaxFileDescriptorCount();
        int affordable = (int) Math.min(FLOOD, (max - 2_000) / 2);
        if (affordable < FLOOD) {
            log.warn("only {} file descriptors allowed (ulimit -n): flooding with {} connections, not {}",
                    max, affordable, FLOOD);
        }
        return affordable;
    }

    private static void awaitConnections(PrinterServer server, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (ServerInternals.connections(server).size() != count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, ServerInternals.connections(server).size(), "connections the server holds");
    }

    private static void assertStatusAnswersWithin(InetSocketAddress server, Duration limit) throws IOException {
        long start = System.nanoTime();
        try (Wire wire = Wire.connect(server)) {
            wire.send(STATUS);
            assertEquals("ok", Fixtures.code(Fixtures.assertCleanReply(wire.readLine())));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(limit) < 0, "status took " + took);
    }

    /** One request on a blocking channel, and its reply line. */
    private static String request(SocketChannel channel) throws IOException {
        channel.write(ByteBuffer.wrap(STATUS));
        ByteBuffer in = ByteBuffer.allocate(1 << 14);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            channel.read(in);
            for (int i = 0; i < in.position(); i++) {
                if (in.get(i) == '\n') {
                    return new String(in.array(), 0, i, StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no reply within 10 s");
    }
}
