package io.paperjam.server.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.server.PrinterServer;
import io.paperjam.server.testing.ChildPrinter;
import io.paperjam.spool.SpoolInspector;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full spool or a failing disk fails the one upload with a clear error; the jobs already stored
 * stay whole, nothing half-written is left, and the server goes on serving.
 */
@Timeout(90)
class DiskTroubleTest {

    @TempDir
    Path spool;

    @Test
    void aFullSpoolRefusesWithSpoolFullAndCorruptsNothing() throws Exception {
        List<byte[]> stored = new ArrayList<>();
        try (PrinterServer server = PrinterServer.start(Fixtures.settings(spool)
                .withSpool(Fixtures.settings(spool).spool().withQuotaBytes(100_000)));
             Wire wire = Wire.connect(server.address())) {
            server.printer().pause();   // keep the jobs queued, so they count against the quota
            JsonNode reply;
            int n = 0;
            do {
                byte[] document = document(30_000, n++);
                reply = submit(wire, "q" + n + ".txt", document);
                if (reply.path("ok").asBoolean()) {
                    stored.add(document);
                }
            } while (reply.path("ok").asBoolean() && n < 10);
            assertEquals("spool-full", reply.path("error").asText(), reply.toString());
            assertEquals(3, stored.size(), "100,000 bytes hold three documents of 30,000");
            assertEquals(3, Fixtures.allJobs(server).size());
            Fixtures.awaitTmpEmpty(spool);
            assertEquals("ok", Fixtures.code(request(wire, "{\"op\":\"status\"}")), "the connection is still in step");
            server.printer().resume();   // printed jobs leave the quota
            awaitQueued(server, 0);
            assertEquals("ok", Fixtures.code(submit(wire, "after.txt", document(30_000, 99))));
        }
        assertEquals(List.of(), SpoolInspector.inspect(spool).anomalies());
        for (int i = 0; i < stored.size(); i++) {
            assertEquals(Fixtures.sha256(stored.get(i)), Fixtures.sha256(Files.readAllBytes(
                    spool.resolve("done").resolve(String.format("%012d.data", i + 1)))), "job " + (i + 1));
        }
    }

    @Test
    void aWriteErrorFromTheKernelFailsThatUploadOnlyAndTheServerStaysHealthy() throws Exception {
        // the child may write no file over 256 KiB: a 1 MiB document hits EFBIG in the middle of its upload
        try (ChildPrinter child = ChildPrinter.start(spool, 256)) {
            InetSocketAddress address = child.awaitListening();
            try (Wire wire = Wire.connect(address)) {
                byte[] small = document(10_000, 1);
                assertEquals("ok", Fixtures.code(submit(wire, "before.txt", small)));
                JsonNode failed = submit(wire, "too-big-for-the-disk.txt", document(1 << 20, 2));
                assertEquals("internal", failed.path("error").asText(), failed.toString());
                assertEquals("the printer could not store the document; see its log", failed.path("message").asText());
                assertEquals("ok", Fixtures.code(request(wire, "{\"op\":\"status\"}")), "the connection is still in step");
                JsonNode after = submit(wire, "after.txt", document(10_000, 3));
                assertEquals("ok", Fixtures.code(after), after.toString());
                JsonNode jobs = request(wire, "{\"op\":\"jobs\",\"states\":[\"pending\",\"processing\",\"completed\","
                        + "\"aborted\",\"canceled\"]}");
                assertEquals(2, jobs.path("jobs").size(), "only the two good jobs exist: " + jobs);
            }
            Fixtures.awaitTmpEmpty(spool);
            assertTrue(child.log().contains("File too large"), "the log says why:\n" + child.log());
            child.sigterm();
            assertEquals(0, child.awaitExit(20), child.log());
        }
        assertEquals(List.of(), SpoolInspector.inspect(spool).anomalies());
    }

    @Test
    void aSpoolFolderThatCannotTakeFilesFailsTheUploadAndHealsWhenItCan() throws Exception {
        try (PrinterServer server = PrinterServer.start(Fixtures.settings(spool));
             Wire wire = Wire.connect(server.address())) {
            Path tmp = spool.resolve("tmp");
            Files.delete(tmp);
            Files.writeString(tmp, "not a folder: every upload's first write fails");   // chmod would not stop root
            try {
                JsonNode failed = submit(wire, "a.txt", document(5_000, 1));
                assertEquals("internal", failed.path("error").asText(), failed.toString());
                assertEquals("ok", Fixtures.code(request(wire, "{\"op\":\"status\"}")));
                assertEquals(0, Fixtures.allJobs(server).size());
            } finally {
                Files.delete(tmp);
                Files.createDirectory(tmp);
            }
            assertEquals("ok", Fixtures.code(submit(wire, "b.txt", document(5_000, 2))), "healed");
        }
    }

    private static JsonNode submit(Wire wire, String name, byte[] document) throws IOException {
        wire.send("{\"op\":\"submit\",\"name\":\"" + name + "\",\"size\":" + document.length + "}\n");
        wire.send(document);
        return Fixtures.assertCleanReply(wire.readLine());
    }

    private static JsonNode request(Wire wire, String line) throws IOException {
        wire.send(line + "\n");
        return Fixtures.assertCleanReply(wire.readLine());
    }

    private static byte[] document(int size, int seed) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ('a' + seed % 26));
        return bytes;
    }

    private static void awaitQueued(PrinterServer server, int queued) throws InterruptedException {
        for (int i = 0; i < 500 && server.printer().status().queued() != queued; i++) {
            Thread.sleep(10);
        }
        assertEquals(queued, server.printer().status().queued());
    }
}
