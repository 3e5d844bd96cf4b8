package io.paperjam.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.server.testing.ChildPrinter;
import io.paperjam.spool.InspectedJob;
import io.paperjam.spool.SpoolInspector;
import io.paperjam.spool.SpoolReport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kill-and-restart cycles against a child printer: clients submit concurrently, the printer is
 * SIGKILLed at a random moment, restarted on the same spool, and every job it acknowledged
 * must be there, whole, and the device state set before the kill must be what it was.
 */
final class CrashCycles {

    private static final Logger log = LoggerFactory.getLogger(CrashCycles.class);
    private static final int CLIENTS = 4;
    private static final int LARGE_DOCUMENT = 512 * 1024;
    private static final String[] OPERATOR_FAULTS = {"cover-open", "offline", "paper-jam"};
    private static final String[] ARGS = {"--retain-jobs", "1000000", "--quota-jobs", "1000000", "--shutdown-grace", "2s"};

    private final Path spool;
    private final Random random;
    private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    private JsonNode expectedFaults;
    private JsonNode expectedSupplies;

    /** Figures of a run. */
    record Figures(int cycles, int acknowledged, int lost) {
    }

    CrashCycles(Path spool, long seed) {
        this.spool = spool;
        this.random = new Random(seed);
    }

    Figures run(int cycles) throws Exception {
        for (int cycle = 1; cycle <= cycles; cycle++) {
            try (ChildPrinter child = ChildPrinter.start(spool, 0, ARGS)) {
                InetSocketAddress address = child.awaitListening();
                verify(address, "after kill " + (cycle - 1));
                setDeviceState(address);
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> clients = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    Thread client = new Thread(new Submitter(address, acknowledged, random.nextLong(), stop,
                            LARGE_DOCUMENT), "submitter-" + i);
                    client.start();
                    clients.add(client);
                }
                Thread.sleep(200 + random.nextInt(1300));
                child.kill();
                stop.set(true);
                for (Thread client : clients) {
                    client.join(15_000);
                    assertTrue(!client.isAlive(), "a client hung after the kill");
                }
            }
        }
        int lost = finalCheck();
        return new Figures(cycles, acknowledged.size(), lost);
    }

    /** Either stops the printer with random faults and supply levels, remembered; or lets it print. */
    private void setDeviceState(InetSocketAddress address) throws IOException {
        if (random.nextBoolean()) {
            List<String> faults = new ArrayList<>();
            for (String fault : OPERATOR_FAULTS) {
                if (faults.isEmpty() || random.nextBoolean()) {
                    faults.add(fault);
                }
            }
            ok(address, "{\"op\":\"fault\",\"action\":\"clear\",\"all\":true}");
            ok(address, "{\"op\":\"fault\",\"action\":\"set\",\"names\":[\"" + String.join("\",\"", faults) + "\"]}");
            ok(address, "{\"op\":\"supplies\",\"action\":\"set\",\"paper\":" + random.nextInt(251)
                    + ",\"ink\":" + random.nextInt(101) + "}");
            expectedFaults = ok(address, "{\"op\":\"fault\",\"action\":\"list\"}").path("faults");
            expectedSupplies = ok(address, "{\"op\":\"status\"}").path("printer").path("supplies");
        } else {
            ok(address, "{\"op\":\"fault\",\"action\":\"clear\",\"all\":true}");
            ok(address, "{\"op\":\"supplies\",\"action\":\"refill\",\"supply\":\"all\"}");
            expectedFaults = null;
            expectedSupplies = null;
        }
    }

    /** Every acknowledged job is there with its checksum; every listed job is whole; the device is as left. */
    private void verify(InetSocketAddress address, String when) throws IOException {
        List<Long> ids = new ArrayList<>(acknowledged.keySet());
        Map<Long, JsonNode> replies = PrinterProbe.jobs(address, ids);
        for (long id : ids) {
            JsonNode reply = replies.get(id);
            assertTrue(reply.path("ok").asBoolean(), when + ": acknowledged job " + id + " is gone: " + reply);
            assertEquals(acknowledged.get(id), reply.path("job").path("sha256").asText(), when + ": job " + id);
        }
        for (JsonNode job : PrinterProbe.allJobs(address)) {
            assertTrue(job.path("sha256").asText().length() == 64 && job.has("size"), when + ": half a job: " + job);
        }
        if (expectedFaults != null) {
            assertEquals(expectedFaults, ok(address, "{\"op\":\"fault\",\"action\":\"list\"}").path("faults"), when);
            assertEquals(expectedSupplies, ok(address, "{\"op\":\"status\"}").path("printer").path("supplies"), when);
        }
    }

    /**
     * Restarts once more to recover, checks over the wire, stops cleanly, then reads the spool
     * offline: no anomaly, and each acknowledged document hashes to what was sent.
     */
    private int finalCheck() throws Exception {
        try (ChildPrinter child = ChildPrinter.start(spool, 0, ARGS)) {
            verify(child.awaitListening(), "after the last kill");
            child.sigterm();
            assertEquals(0, child.awaitExit(20), child.log());
        }
        SpoolReport report = SpoolInspector.inspect(spool);
        assertEquals(List.of(), report.anomalies(), "anomalies after recovery");
        Map<Long, InspectedJob> jobs = new ConcurrentHashMap<>();
        for (InspectedJob job : report.jobs()) {
            jobs.put(job.id(), job);
            Path data = dataFile(job.id());   // acknowledged or not (killed before the reply), no job is half there
            assertTrue(data != null && job.sha256().equals(Fixtures.sha256(Files.readAllBytes(data))),
                    "job " + job.id() + " is not whole: " + job);
        }
        int lost = 0;
        for (Map.Entry<Long, String> acked : acknowledged.entrySet()) {
            InspectedJob job = jobs.get(acked.getKey());
            Path data = dataFile(acked.getKey());
            if (job == null || !acked.getValue().equals(job.sha256()) || data == null
                    || !acked.getValue().equals(Fixtures.sha256(Files.readAllBytes(data)))) {
                log.error("acknowledged job {} lost or damaged: {} {}", acked.getKey(), job, data);
                lost++;
            }
        }
        return lost;
    }

    private Path dataFile(long id) {
        String name = String.format("%012d.data", id);
        for (String folder : List.of("queue", "active", "done")) {
            Path file = spool.resolve(folder).resolve(name);
            if (Files.exists(file)) {
                return file;
            }
        }
        return null;
    }

    private static JsonNode ok(InetSocketAddress address, String request) throws IOException {
        JsonNode reply = PrinterProbe.request(address, request);
        assertTrue(reply.path("ok").asBoolean(), request + " -> " + reply);
        return reply;
    }
}
