package io.paperjam.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Streams one document into its data file and computes its SHA-256, with the two on different cores: the
 * caller's bytes are gathered into pooled 1 MiB buffers (whatever size the caller's chunks have), each full
 * buffer is written to the file on the caller's thread and hashed, in order, on a helper thread. At most
 * {@value #IN_FLIGHT} buffers per document are in use, so a slow hasher slows the writer instead of using
 * memory, and at most {@value #BUFFER_BUDGET} in the whole process: an upload that finds none free writes and
 * hashes the caller's own bytes on the caller's thread, slower but in no more memory.
 *
 * <p>Why copy: the caller may reuse its buffer as soon as {@code write} returns, so hashing it later would need
 * the bytes anyway, and one memcpy (several GB/s) is far cheaper than waiting for the hash of every chunk.
 * Not thread-safe: one writer. Short documents never leave the caller's thread.
 */
final class DocumentWriter implements DocumentSink {

    static final int BUFFER_BYTES = 1 << 20;
    /** Buffers one document may have written but not yet hashed; enough to ride out a stall of either side. */
    static final int IN_FLIGHT = 8;
    /** Buffers all uploads together may hold (32 MiB of direct memory), whatever the number of uploads. */
    static final int BUFFER_BUDGET = 32;
    /** Every this many bytes the file is forced on a helper thread while more arrives (see {@link #writeBack}). */
    static final long WRITE_BACK_BYTES = 64L << 20;

    static final BufferPool POOL = new BufferPool(BUFFER_BYTES, BUFFER_BUDGET);
    private static final ExecutorService HASHER = Background.daemons("spool-sha256");
    private static final ExecutorService WRITE_BACK = Background.daemons("spool-write-back");

    /** A buffer written to the file and (once {@code hashed} completes) folded into the digest. */
    private record Pending(ByteBuffer buffer, CompletableFuture<Void> hashed) {
    }

    private final SpoolFiles files;
    private final FileChannel channel;
    private final MessageDigest digest;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private CompletableFuture<Void> forced = CompletableFuture.completedFuture(null);
    private long unforced;
    private ByteBuffer current;
    private boolean released;

    DocumentWriter(SpoolFiles files, FileChannel channel) {
        this.files = files;
        this.channel = channel;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Takes all of {@code src}; a full buffer is written before this returns. */
    @Override
    public void write(ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            if (current == null) {
                current = nextBuffer();
                if (current == null) {
                    writeThrough(src);
                    return;
                }
            }
            int n = Math.min(src.remaining(), current.remaining());
            current.put(current.position(), src, src.position(), n);
            current.position(current.position() + n);
            src.position(src.position() + n);
            if (!current.hasRemaining()) {
                ByteBuffer full = current;
                current = null; // pending owns it from here, even if flush fails
                flush(full);
            }
        }
    }

    /** Writes what is buffered and returns the hex SHA-256 of everything written; the writer is done. */
    @Override
    public String finish() throws IOException {
        ByteBuffer last = current;
        current = null;
        if (last != null && last.position() > 0 && pending.isEmpty()) {
            last.flip();
            try {
                files.write(channel, last.duplicate()); // a short document: hash here, no hand-off
                digest.update(last);
            } finally {
                POOL.give(last);
            }
        } else if (last != null && last.position() > 0) {
            flush(last);
        } else if (last != null) {
            POOL.give(last);
        }
        while (!pending.isEmpty()) {
            POOL.give(awaitHashed(pending.poll()));
        }
        released = true;
        await(forced);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Gives the buffers back once no helper reads them any more; never throws. */
    @Override
    public void release() {
        if (released) {
            return;
        }
        released = true;
        if (current != null) {
            POOL.give(current);
            current = null;
        }
        // a helper may still read a buffer or force the channel, which the caller closes next: wait for both
        // (a few milliseconds of hashing at most)
        for (Pending p : pending) {
            p.hashed().handle((ok, failure) -> null).join();
            POOL.give(p.buffer());
        }
        pending.clear();
        forced.handle((ok, failure) -> null).join();
    }

    private void flush(ByteBuffer full) throws IOException {
        full.flip();
        files.write(channel, full.duplicate());
        ByteBuffer view = full.asReadOnlyBuffer();
        tail = tail.thenRunAsync(() -> digest.update(view), HASHER);
        pending.add(new Pending(full, tail));
        writeBack(full.limit());
    }

    /** No pooled buffer to be had: everything earlier is hashed, so write and hash the caller's bytes here. */
    private void writeThrough(ByteBuffer src) throws IOException {
        int n = src.remaining();
        files.write(channel, src.duplicate());
        digest.update(src);
        writeBack(n);
    }

    /**
     * The page cache holds a big document's bytes until the commit's fsync, which would then wait for all of
     * them at once; forcing every {@value #WRITE_BACK_BYTES} bytes on a helper thread keeps the disk busy while
     * the document still arrives, so the commit only waits for the tail. One force at a time; a failed one
     * fails the upload at its end.
     */
    private void writeBack(long written) throws IOException {
        unforced += written;
        if (unforced < WRITE_BACK_BYTES || !forced.isDone()) {
            return;
        }
        await(forced);
        unforced = 0;
        forced = Background.start(() -> {
            files.force(channel);
            return null;
        }, WRITE_BACK);
    }

    /**
     * A free buffer: a new one while fewer than IN_FLIGHT are used and the pool has one, else the oldest once
     * it is hashed; null when none is in use and the pool has none to lend.
     */
    private ByteBuffer nextBuffer() throws IOException {
        if (pending.size() < IN_FLIGHT - 1) {
            ByteBuffer fresh = POOL.tryTake();
            if (fresh != null || pending.isEmpty()) {
                return fresh;
            }
        }
        return awaitHashed(pending.poll()).clear();
    }

    /** The buffer once hashed; if hashing failed it goes back to the pool (the upload fails anyway). */
    private static ByteBuffer awaitHashed(Pending oldest) throws IOException {
        try {
            await(oldest.hashed());
            return oldest.buffer();
        } catch (IOException e) {
            POOL.give(oldest.buffer());
            throw e;
        }
    }

    private static void await(CompletableFuture<Void> future) throws IOException {
        Background.await(future, "writing the document");
    }
}
