package io.paperjam.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Guarantees that at most one {@link Spool} (in any process) owns a spool folder, via an OS lock on its
 * {@code lock} file, which also names the holder ("pid 4242 on host h").
 *
 * <p>Java's file locks are POSIX record locks: closing <em>any</em> channel on the lock file in the owning
 * JVM would drop the lock. So this JVM's holders are also kept in a map, which is consulted first and keeps
 * the spool (and {@link SpoolInspector}) from ever opening the lock file of a spool this JVM owns.
 */
final class SpoolLock implements Closeable {

    private static final Map<Path, String> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private SpoolLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or throws {@link SpoolLockedException} naming the holder. */
    static SpoolLock acquire(Path root, Path lockFile) throws IOException {
        Path key = key(root);
        String me = "pid " + ProcessHandle.current().pid() + " on host " + hostName();
        String other = HELD_IN_THIS_JVM.putIfAbsent(key, me);
        if (other != null) {
            throw locked(root, other + " (this JVM)");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                throw locked(root, holder);
            }
            byte[] text = (me + "\nsince " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text), 0);
            channel.force(true);
            return new SpoolLock(key, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_IN_THIS_JVM.remove(key);
            if (channel != null && channel.isOpen()) {
                channel.close();
            }
            throw e;
        }
    }

    /**
     * Who holds the spool's lock right now, without taking it for more than an instant and without creating
     * or changing any file; empty if nobody does.
     */
    static Optional<String> probe(Path root, Path lockFile) throws IOException {
        String here = HELD_IN_THIS_JVM.get(key(root));
        if (here != null) {
            return Optional.of(here);
        }
        if (!Files.isRegularFile(lockFile)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ)) {
            FileLock shared = channel.tryLock(0, Long.MAX_VALUE, true);
            if (shared == null) {
                return Optional.of(readHolder(channel));
            }
            shared.release();
            return Optional.empty();
        } catch (OverlappingFileLockException e) {
            return Optional.of("this JVM");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0); // an empty lock file says "nobody"; a crashed owner's pid stays for the post-mortem
            lock.release();
        } finally {
            channel.close();
            HELD_IN_THIS_JVM.remove(key);
        }
    }

    private static SpoolLockedException locked(Path root, String holder) {
        String who = holder.isBlank() ? "another process" : holder;
        return new SpoolLockedException("spool " + root + " is in use by " + who
                + "; only one process may own a spool folder at a time", holder);
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(512);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }

    private static Path key(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root.toAbsolutePath().normalize();
        }
    }

    private static String hostName() {
        String name = System.getenv("HOSTNAME");
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return Files.readString(Path.of("/etc/hostname")).trim();
        } catch (IOException | RuntimeException e) {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e2) {
                return "unknown";
            }
        }
    }
}
