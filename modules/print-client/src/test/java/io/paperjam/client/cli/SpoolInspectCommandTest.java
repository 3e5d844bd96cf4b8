package io.paperjam.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperjam.client.Sha256;
import io.paperjam.protocol.Json;
import io.paperjam.spool.JobHeader;
import io.paperjam.spool.JobUpload;
import io.paperjam.spool.Spool;
import io.paperjam.spool.SpoolSettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spool inspect reads a spool folder without a server and reports jobs and hand-planted damage. */
class SpoolInspectCommandTest {

    private static final byte[] DOCUMENT = "hello spool\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path work;

    private Path spool;

    @BeforeEach
    void plantASpoolWithDamage() throws Exception {
        spool = work.resolve("spool");
        try (Spool s = Spool.open(spool, SpoolSettings.defaults());
             JobUpload upload = s.begin(JobHeader.of("hello.txt").withFormat("text/plain").withUser("ada"))) {
            upload.write(ByteBuffer.wrap(DOCUMENT));
            upload.commit();
        }
        Files.write(spool.resolve("queue/000000000099.data"), new byte[] {1, 2, 3});       // data without control
        Files.writeString(spool.resolve("queue/000000000098.json"), "{\"half\": ");         // unreadable control
    }

    @Test
    void listsJobsAndAnomaliesForPeople() throws Exception {
        Cli.Result r = new Cli(work, 1).runRaw(java.io.InputStream.nullInputStream(), "spool", "inspect", spool.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("not in use by a server"), r::toString);
        String shortSha = Sha256.of(DOCUMENT).substring(0, 12);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("1 ") && l.contains("queued") && l.contains("hello.txt")
                && l.contains(shortSha)), r::toString);
        assertTrue(r.out().contains("orphan-data  queue/000000000099.data"), r::toString);
        assertTrue(r.out().contains("corrupt-control  queue/000000000098.json"), r::toString);
    }

    @Test
    void defaultsToTheSpoolFolderInTheWorkingDirectoryAndSpeaksJson() throws Exception {
        Cli.Result r = new Cli(work, 1).runRaw(java.io.InputStream.nullInputStream(), "spool", "inspect", "--json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode report = Json.mapper().readTree(r.out());
        assertEquals(1, report.get("jobs").size());
        assertEquals(Sha256.of(DOCUMENT), report.at("/jobs/0/sha256").asText());
        List<String> kinds = new ArrayList<>();
        report.get("anomalies").forEach(a -> kinds.add(a.get("kind").asText()));
        assertTrue(kinds.contains("orphan-data") && kinds.contains("corrupt-control"), kinds::toString);
    }

    @Test
    void aFolderThatIsNotASpoolIsOneClearError() throws Exception {
        Path empty = Files.createDirectory(work.resolve("empty"));
        Cli.Result r = new Cli(work, 1).runRaw(java.io.InputStream.nullInputStream(), "spool", "inspect", empty.toString());
        assertEquals(1, r.exit(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().contains("is not a paperjam spool"), r::toString);
        Cli.Result missing = new Cli(work, 1).runRaw(java.io.InputStream.nullInputStream(), "spool", "inspect", "nowhere");
        assertEquals(1, missing.exit(), missing::toString);
        assertEquals(1, missing.err().lines().count(), missing::toString);
    }
}
