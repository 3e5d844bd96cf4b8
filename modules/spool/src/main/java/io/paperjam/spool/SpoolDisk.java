package io.paperjam.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable primitives of the spool built on {@link SpoolFiles}: a file written through tmp/ and renamed
 * into place is complete and durable when the call returns, or absent (old content kept) when it throws.
 */
final class SpoolDisk {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolDisk.class);

    final SpoolLayout layout;
    final SpoolFiles files;
    private final Map<Path, DirSync> syncs = new ConcurrentHashMap<>();
    private final AtomicLong tmpNames = new AtomicLong();

    SpoolDisk(SpoolLayout layout, SpoolFiles files) {
        this.layout = layout;
        this.files = files;
    }

    /** Makes finished renames into {@code dir} durable, sharing the fsync with concurrent callers. */
    void syncDir(Path dir) throws IOException {
        dirSync(dir).sync();
    }

    DirSync dirSync(Path dir) {
        return syncs.computeIfAbsent(dir, d -> new DirSync(d, files));
    }

    /** Creates {@code file} exclusively, writes {@code content}, forces it; deletes it again on failure. */
    void writeNew(Path file, byte[] content) throws IOException {
        FileChannel channel = files.createExclusive(file);
        try (channel) {
            files.write(channel, ByteBuffer.wrap(content));
            files.force(channel);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /** Replaces {@code target} atomically and durably: tmp file, force, rename over, fsync the target's folder. */
    void replace(Path target, byte[] content) throws IOException {
        replaceUnsynced(target, content);
        syncDir(target.getParent());
    }

    /**
     * As {@link #replace} without the folder's fsync: the new content is durable but the rename over
     * {@code target} is not until the caller fsyncs the folder (a move out of it does anyway).
     */
    void replaceUnsynced(Path target, byte[] content) throws IOException {
        Path tmp = layout.tmp().resolve(target.getFileName() + "." + tmpNames.incrementAndGet() + ".new");
        writeNew(tmp, content);
        try {
            files.move(tmp, target, true);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /** Moves a damaged file into corrupt/ under a name not yet taken there; never deletes anything. */
    Path quarantine(Path file) throws IOException {
        Path dir = layout.corrupt();
        String name = file.getFileName().toString();
        Path target = dir.resolve(name);
        for (int i = 1; Files.exists(target); i++) {
            target = dir.resolve(name + "." + i);
        }
        files.move(file, target, false);
        return target;
    }

    /** Deletes, logging instead of throwing: for clean-up paths that must not hide the original failure. */
    void deleteQuietly(Path file) {
        try {
            files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not delete {}: {}", file, e.toString());
        }
    }
}
