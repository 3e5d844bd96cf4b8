package io.paperjam.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The big-document write path: bytes and checksum exact whatever the chunking, and no buffer kept or lost. */
class DocumentWriterTest {

    @TempDir
    Path dir;

    private final FaultyFiles files = new FaultyFiles();
    private final List<ByteBuffer> borrowed = new ArrayList<>();
    private int lentBefore;

    @BeforeEach
    void noteThePool() {
        lentBefore = DocumentWriter.POOL.lent();
    }

    @AfterEach
    void giveBackWhatTheTestBorrowed() {
        borrowed.forEach(DocumentWriter.POOL::give);
    }

    @Test
    void aDocumentPastSeveralWriteBacksIsStoredAndHashedExactly() throws IOException {
        byte[] document = Jobs.content(1, (int) DocumentWriter.WRITE_BACK_BYTES * 2 + 12_345);
        assertStored(document, 65_536 + 7);
        assertEquals(lentBefore, DocumentWriter.POOL.lent(), "every buffer went back to the pool");
    }

    @Test
    void withThePoolLentOutTheWriterUsesTheCallersBytes() throws IOException {
        ByteBuffer b;
        while ((b = DocumentWriter.POOL.tryTake()) != null) {
            borrowed.add(b);
        }
        assertStored(Jobs.content(2, 5 * DocumentWriter.BUFFER_BYTES + 3), 300_000);
    }

    @Test
    void aFailedWriteBackFailsTheUploadAndReturnsItsBuffers() throws IOException {
        Path file = dir.resolve("doc.data");
        try (FileChannel channel = files.createExclusive(file)) {
            DocumentWriter writer = new DocumentWriter(files, channel);
            files.failForce = true;
            ByteBuffer chunk = ByteBuffer.wrap(Jobs.content(3, DocumentWriter.BUFFER_BYTES));
            IOException failure = assertThrows(IOException.class, () -> {
                for (long written = 0; written <= 2 * DocumentWriter.WRITE_BACK_BYTES; written += chunk.capacity()) {
                    writer.write(chunk.duplicate());
                }
                writer.finish();
            });
            assertEquals("injected fsync failure", failure.getMessage());
            writer.release();
        }
        assertEquals(lentBefore, DocumentWriter.POOL.lent(), "every buffer went back to the pool");
    }

    @Test
    void anAbandonedUploadReturnsItsBuffers() throws IOException {
        try (FileChannel channel = files.createExclusive(dir.resolve("doc.data"))) {
            DocumentWriter writer = new DocumentWriter(files, channel);
            writer.write(ByteBuffer.wrap(Jobs.content(4, 3 * DocumentWriter.BUFFER_BYTES + 5)));
            writer.release();
        }
        assertEquals(lentBefore, DocumentWriter.POOL.lent(), "every buffer went back to the pool");
    }

    private void assertStored(byte[] document, int chunkBytes) throws IOException {
        Path file = dir.resolve("doc-" + chunkBytes + ".data");
        String sha256;
        try (FileChannel channel = files.createExclusive(file)) {
            DocumentWriter writer = new DocumentWriter(files, channel);
            for (int at = 0; at < document.length; at += chunkBytes) {
                writer.write(ByteBuffer.wrap(document, at, Math.min(chunkBytes, document.length - at)));
            }
            sha256 = writer.finish();
        }
        assertEquals(Jobs.sha256(document), sha256);
        assertArrayEquals(document, Files.readAllBytes(file));
    }
}
