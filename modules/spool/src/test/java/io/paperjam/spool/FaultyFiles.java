package io.paperjam.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.function.Predicate;

/** A {@link SpoolFiles} whose write, force, move or directory sync fails on demand (Tape's fault-injecting wrapper). */
final class FaultyFiles extends SpoolFiles {

    volatile boolean failWrite;
    volatile boolean failForce;
    volatile Predicate<Path> failSyncOf = p -> false;
    volatile Predicate<Path> failMoveTo = p -> false;

    @Override
    void write(FileChannel channel, ByteBuffer src) throws IOException {
        if (failWrite) {
            throw new IOException("injected write failure (disk full)");
        }
        super.write(channel, src);
    }

    @Override
    void force(FileChannel channel) throws IOException {
        if (failForce) {
            throw new IOException("injected fsync failure");
        }
        super.force(channel);
    }

    @Override
    void forceData(FileChannel channel) throws IOException {
        if (failForce) {
            throw new IOException("injected fdatasync failure");
        }
        super.forceData(channel);
    }

    @Override
    void move(Path from, Path to, boolean replace) throws IOException {
        if (failMoveTo.test(to)) {
            throw new IOException("injected rename failure: " + to.getFileName());
        }
        super.move(from, to, replace);
    }

    @Override
    void syncDirectory(Path dir) throws IOException {
        if (failSyncOf.test(dir)) {
            throw new IOException("injected directory fsync failure: " + dir.getFileName());
        }
        super.syncDirectory(dir);
    }

    void heal() {
        failWrite = false;
        failForce = false;
        failSyncOf = p -> false;
        failMoveTo = p -> false;
    }
}
