package io.paperjam.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.server.testing.ChildPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM while several clients are uploading: uploads in flight finish and are acknowledged
 * within the grace period, or are refused with a clean line; the server exits 0; and every
 * acknowledged job is there after a restart.
 */
@Timeout(120)
class GracefulShutdownTest {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdownTest.class);
    private static final int CLIENTS = 6;
    private static final int DOCUMENT = 2 << 20;
    private static final int CHUNK = 64 * 1024;
    private static final Set<String> CLEAN_REFUSALS = Set.of("busy", "timeout");

    @TempDir
    Path spool;

    private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong sigtermAt = new AtomicLong(Long.MAX_VALUE);
    private final AtomicInteger finishedAcrossSigterm = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<String> unclean = new ArrayList<>();

    @Test
    void sigtermDuringUploadsLosesNothingAcknowledged() throws Exception {
        try (ChildPrinter child = ChildPrinter.start(spool, 0, "--shutdown-grace", "10s")) {
            InetSocketAddress address = child.awaitListening();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int seed = i;
                Thread client = new Thread(() -> uploadUntilRefused(address, seed), "uploader-" + i);
                client.start();
                clients.add(client);
            }
            awaitUploadInFlight();
            sigtermAt.set(System.nanoTime());
            child.sigterm();
            assertEquals(0, child.awaitExit(30), "exit status after SIGTERM\n" + child.log());
            for (Thread client : clients) {
                client.join(20_000);
                assertTrue(!client.isAlive(), "an uploader hung");
            }
        }
        synchronized (unclean) {
            assertEquals(List.of(), unclean, "replies that were not a clean acknowledgement or refusal");
        }
        assertTrue(finishedAcrossSigterm.get() > 0, "no upload in flight at SIGTERM was let finish");
        try (ChildPrinter again = ChildPrinter.start(spool, 0)) {
            InetSocketAddress address = again.awaitListening();
            Map<Long, JsonNode> jobs = PrinterProbe.jobs(address, new ArrayList<>(acknowledged.keySet()));
            for (Map.Entry<Long, String> acked : acknowledged.entrySet()) {
                JsonNode job = jobs.get(acked.getKey());
                assertTrue(job.path("ok").asBoolean(), "acknowledged job lost: " + acked.getKey() + " " + job);
                assertEquals(acked.getValue(), job.path("job").path("sha256").asText());
            }
            again.sigterm();
            assertEquals(0, again.awaitExit(20));
        }
        log.warn("shutdown figures: {} jobs acknowledged, {} finished across SIGTERM, {} refused, 0 lost",
                acknowledged.size(), finishedAcrossSigterm.get(), refused.get());
    }

    /**
     * Waits until the printer has begun storing an upload (its data file is in the spool's tmp/), so that
     * SIGTERM finds one in flight however slowly this machine runs; bounded.
     */
    private void awaitUploadInFlight() throws Exception {
        Path tmp = spool.resolve("tmp");
        for (int i = 0; i < 600; i++) {
            try (Stream<Path> files = Files.exists(tmp) ? Files.list(tmp) : Stream.empty()) {
                if (files.anyMatch(f -> f.getFileName().toString().endsWith(".data"))) {
                    Thread.sleep(100); // and a few more chunks of it
                    return;
                }
            } catch (NoSuchFileException | UncheckedIOException raced) {
                // a file or the folder changed under the listing: look again
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no upload reached the spool within 30 s");
    }

    /** Uploads 2 MiB documents in paced chunks, one after another, until the printer stops taking them. */
    private void uploadUntilRefused(InetSocketAddress address, int seed) {
        Random random = new Random(seed);
        for (int n = 0; n < 1_000; n++) {
            byte[] document = new byte[DOCUMENT];
            random.nextBytes(document);
            long started = System.nanoTime();
            try (Wire wire = Wire.connect(address)) {
                wire.send("{\"op\":\"submit\",\"name\":\"up-" + seed + "-" + n + ".bin\",\"size\":" + DOCUMENT + "}\n");
                for (int at = 0; at < DOCUMENT; at += CHUNK) {
                    wire.output(document, at, CHUNK);
                    Thread.sleep(10);
                }
                String line = wire.readLine();
                if (line == null) {
                    refused.incrementAndGet();   // closed without a word after its grace ran out: not acknowledged
                    return;
                }
                JsonNode reply = Fixtures.assertCleanReply(line);
                if (reply.path("ok").asBoolean()) {
                    acknowledged.put(reply.path("job").path("id").asLong(), Fixtures.sha256(document));
                    if (started < sigtermAt.get() && System.nanoTime() > sigtermAt.get()) {
                        finishedAcrossSigterm.incrementAndGet();
                    }
                } else {
                    record(reply);
                    return;
                }
            } catch (IOException stopped) {
                refused.incrementAndGet();   // connection refused or reset: the printer is gone
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (AssertionError e) {
                synchronized (unclean) {
                    unclean.add(e.getMessage());
                }
                return;
            }
        }
    }

    private void record(JsonNode reply) {
        refused.incrementAndGet();
        if (!CLEAN_REFUSALS.contains(reply.path("error").asText())) {
            synchronized (unclean) {
                unclean.add(reply.toString());
            }
        }
    }
}
