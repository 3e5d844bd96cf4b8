package io.paperjam.server.lpd;

import io.paperjam.server.door.DocumentSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data file that came before its control file (BSD lpr sends data first), held in a file of its
 * own until the control file says what job it is; then it is copied into the spool and deleted.
 * Holding files live in the spool's tmp/ folder, which the spool empties at start-up, so a crash
 * leaves none behind. Runs on the disk executor.
 */
final class HeldDocument implements DocumentSink {

    private static final Logger LOG = LoggerFactory.getLogger(HeldDocument.class);
    private static final String PREFIX = "lpd-held-";

    private final Path file;
    private FileChannel channel;

    HeldDocument(Path holdDir) {
        this.file = holdDir.resolve(PREFIX + UUID.randomUUID() + ".data");
    }

    Path file() {
        return file;
    }

    @Override
    public void write(ByteBuffer src) throws IOException {
        open();
        while (src.hasRemaining()) {
            channel.write(src);
        }
    }

    /** All bytes are written: closes the file and returns it. */
    Path close() throws IOException {
        open();
        channel.close();
        return file;
    }

    @Override
    public void abort() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing {} failed: {}", file, e.toString());
            }
        }
        delete(file);
    }

    /** Deletes a holding file; never throws. */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete the held LPD data file {}: {}", file, e.toString());
        }
    }

    private void open() throws IOException {
        if (channel == null) {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }
}
