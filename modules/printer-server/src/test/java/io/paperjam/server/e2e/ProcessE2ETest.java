package io.paperjam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.server.testing.ChildPrinter;
import io.paperjam.spool.JobRecord;
import io.paperjam.spool.JobState;
import io.paperjam.spool.Spool;
import io.paperjam.spool.SpoolSettings;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/printer-server as a real process: SIGTERM is a clean exit, and documents stream in a small heap. */
class ProcessE2ETest {

    @TempDir
    Path spool;

    @Test
    void sigtermLetsTheUploadInFlightFinishKeepsEveryAcknowledgedJobAndExitsZero() throws Exception {
        long queued;
        long inFlight;
        try (ChildPrinter child = ChildPrinter.withJvm(List.of(), spool, "--fault", "offline")) {
            InetSocketAddress address = child.awaitListening();
            try (LineClient client = LineClient.connect(address);
                 LineClient uploader = LineClient.connect(address)) {
                JsonNode first = client.submit("\"name\":\"before.txt\"", TestServers.textPages(2));
                queued = first.path("job").path("id").asLong();
                byte[] doc = new byte[200_000];
                uploader.send("{\"op\":\"submit\",\"name\":\"during.bin\",\"size\":" + doc.length + "}");
                uploader.output().write(doc, 0, 100_000);
                uploader.output().flush();
                awaitUploadStarted(queued + 1);
                child.sigterm();   // SIGTERM while the second document is half sent
                child.awaitLog("shutting down");
                uploader.output().write(doc, 100_000, 100_000);
                uploader.output().flush();
                JsonNode second = uploader.read();
                assertTrue(second.path("ok").asBoolean(), second.toString());
                inFlight = second.path("job").path("id").asLong();
            }
            assertEquals(0, child.terminate(30), child.log());
            assertTrue(child.log().contains("paperjam printer stopped"), child.log());
        }
        try (Spool reopened = Spool.open(spool, SpoolSettings.defaults())) {
            for (long id : new long[] {queued, inFlight}) {
                Optional<JobRecord> job = reopened.find(id);
                assertTrue(job.isPresent(), "job " + id + " was acknowledged, so it must be in the spool");
                assertEquals(JobState.QUEUED, job.get().state());
            }
        }
    }

    /**
     * The spool's tmp folder holds job {@code id}'s data file once the server has begun storing it. Other
     * files pass through tmp/ too (the journaled first job on its way to queue/, a rewrite of printer.json),
     * and a SIGTERM sent on seeing one of those would come before this upload began.
     */
    private void awaitUploadStarted(long id) throws Exception {
        String data = String.format("%012d.data", id);
        Path tmp = spool.resolve("tmp");
        for (int i = 0; i < 1000; i++) {
            if (Files.isDirectory(tmp)) {
                try (Stream<Path> files = Files.list(tmp)) {
                    if (files.anyMatch(file -> file.getFileName().toString().equals(data))) {
                        return;
                    }
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the upload never reached " + tmp);
    }

    @Test
    void aDocumentFarLargerThanTheHeapStreamsToTheSpool() throws Exception {
        long size = 512L << 20;
        try (ChildPrinter child = ChildPrinter.withJvm(List.of("-Xmx64m", "-XX:MaxDirectMemorySize=64m"), spool,
                "--fault", "offline")) {
            InetSocketAddress address = child.awaitListening();
            try (LineClient client = LineClient.connect(address)) {
                client.send("{\"op\":\"submit\",\"name\":\"huge.bin\",\"size\":" + size + "}");
                OutputStream out = client.output();
                byte[] chunk = new byte[1 << 20];
                for (long sent = 0; sent < size; sent += chunk.length) {
                    out.write(chunk);
                }
                out.flush();
                JsonNode reply = client.read();
                assertTrue(reply.path("ok").asBoolean(), reply + "\n" + child.log());
                assertEquals(size, reply.path("job").path("size").asLong());
            }
            assertEquals(0, child.terminate(30), child.log());
        }
    }
}
