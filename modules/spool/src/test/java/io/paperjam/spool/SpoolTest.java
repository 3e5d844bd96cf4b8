package io.paperjam.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir
    Path dir;

    @Test
    void committedJobIsQueuedWithSizeAndChecksum() throws Exception {
        byte[] doc = Jobs.content(1, 10_000);
        try (Spool spool = Spool.open(dir.resolve("spool"), SpoolSettings.defaults())) {
            JobRecord job = Jobs.submit(spool, "report.pdf", doc);
            assertEquals(1, job.id());
            assertEquals(JobState.QUEUED, job.state());
            assertEquals(doc.length, job.size());
            assertEquals(Jobs.sha256(doc), job.sha256());
            assertEquals(List.of(job), spool.queued());
            assertArrayEquals(doc, Files.readAllBytes(spool.documentPath(job.id())));
            try (FileChannel ch = spool.openDocument(job.id())) {
                ByteBuffer buf = ByteBuffer.allocate(doc.length);
                while (buf.hasRemaining() && ch.read(buf) >= 0) { }
                assertArrayEquals(doc, buf.array());
            }
        }
        try (Spool spool = Spool.open(dir.resolve("spool"), SpoolSettings.defaults())) {
            JobRecord job = spool.find(1).orElseThrow();
            assertEquals(Jobs.sha256(doc), job.sha256());
            assertTrue(job.documentPresent());
            assertEquals(2, Jobs.submit(spool, "next", new byte[0]).id());
            assertFalse(SpoolInspector.inspect(spool.root()).jobs().isEmpty());
        }
    }
}
