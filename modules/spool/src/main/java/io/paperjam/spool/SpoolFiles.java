package io.paperjam.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The spool's only door to the file system for writes, so that tests can make any write, force or move fail.
 *
 * <p>Every method either completes or throws; none retries. Files are created owner-only (0600, folders 0700)
 * where the file system is POSIX.
 */
class SpoolFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** Creates {@code file}, which must not exist (O_CREAT|O_EXCL), open for writing. */
    FileChannel createExclusive(Path file) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return POSIX && isDefault(file)
                ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(file, options);
    }

    /** Writes all of {@code src} at the channel's position. */
    void write(FileChannel channel, ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            channel.write(src);
        }
    }

    /** Makes the file's data and metadata durable (fsync). */
    void force(FileChannel channel) throws IOException {
        channel.force(true);
    }

    /**
     * Makes the file's data durable, and its metadata only where reading the data needs it (fdatasync): for
     * a file overwritten within its size, no file-system journal commit to wait for.
     */
    void forceData(FileChannel channel) throws IOException {
        channel.force(false);
    }

    /** Renames atomically; the target must not exist unless {@code replace}. */
    void move(Path from, Path to, boolean replace) throws IOException {
        if (replace) {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            if (Files.exists(to)) {
                throw new java.nio.file.FileAlreadyExistsException(to.toString());
            }
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Makes the directory's entries durable: fsync on the directory itself. */
    void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!POSIX) {
                return; // Windows cannot open a directory as a channel; NTFS journals renames itself.
            }
            throw e;
        }
    }

    /** Deletes the file if present. */
    void deleteIfExists(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /** Creates the directory (and parents) owner-only if missing. */
    void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (POSIX && isDefault(dir)) {
            FileAttribute<?> attr = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
            Files.createDirectories(dir, attr);
        } else {
            Files.createDirectories(dir);
        }
    }

    private static boolean isDefault(Path path) {
        return path.getFileSystem() == FileSystems.getDefault();
    }
}
