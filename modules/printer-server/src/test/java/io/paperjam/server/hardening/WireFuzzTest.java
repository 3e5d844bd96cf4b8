package io.paperjam.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.server.PrinterServer;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mutated request streams sent to a real server, each on its own connection that the client then
 * half-closes: every line that comes back must be a clean JSON reply, every connection must end
 * within the read timeout, and afterwards the server answers and its spool holds no debris.
 */
@Timeout(120)
class WireFuzzTest {

    private static final Logger log = LoggerFactory.getLogger(WireFuzzTest.class);
    private static final int STREAMS = 2_000;

    @TempDir
    Path spool;

    @Test
    void mutatedStreamsGetOnlyCleanRepliesAndNeverHangAConnection() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<byte[]> seeds = Mutator.SEEDS;
        int replies = 0;
        int sent = 0;
        try (PrinterServer server = PrinterServer.start(Fixtures.settings(spool).withMaxHeaderBytes(1024))) {
            for (int i = 0; i < STREAMS; i++) {
                byte[] stream = new byte[0];
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    stream = Mutator.concat(stream, Mutator.mutate(seeds.get(random.nextInt(seeds.size())),
                            seeds.get(random.nextInt(seeds.size())), random.nextLong()));
                }
                String text = new String(stream, StandardCharsets.ISO_8859_1);
                if (text.contains("watch") || text.contains("\\u")) {
                    continue;   // a watcher rightly stays open after a half-close; escapes could spell "watch"
                }
                sent++;
                try (Wire wire = Wire.connect(server.address())) {
                    wire.send(stream);
                    wire.shutdownOutput();
                    for (String line = wire.readLine(); line != null; line = wire.readLine()) {
                        Fixtures.assertCleanReply(line);
                        replies++;
                    }
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("stream " + i + " (seed " + seed + ") left its connection hanging", e);
                }
            }
            server.printer().clearAllFaults();
            server.printer().resume();
            try (Wire wire = Wire.connect(server.address())) {
                wire.send("{\"op\":\"status\"}\n");
                assertEquals("ok", Fixtures.code(Fixtures.assertCleanReply(wire.readLine())));
            }
            Fixtures.awaitTmpEmpty(spool);
            Fixtures.assertOnlyIdNamedFiles(spool);
        }
        log.warn("wire fuzz figures: {} mutated streams, {} clean replies (seed {})", sent, replies, seed);
        assertTrue(sent > STREAMS / 2 && replies >= sent, "too little sent to prove anything: " + sent + ", " + replies);
    }
}
