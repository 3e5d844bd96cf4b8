package io.paperjam.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Streams one document into its data file and computes its SHA-256, with the two on different cores: the
 * caller's bytes are gathered into pooled 1 MiB buffers (whatever size the caller's chunks have), each full
 * buffer is written to the file on the caller's thread and hashed, in order, on a helper thread, and only
 * {@value #IN_FLIGHT} buffers per document are in use, so a slow hasher slows the writer instead of using memory.
 *
 * <p>Why copy: the caller may reuse its buffer as soon as {@code write} returns, so hashing it later would need
 * the bytes anyway, and one memcpy (several GB/s) is far cheaper than waiting for the hash of every chunk.
 * Not thread-safe: one writer. Short documents never leave the caller's thread.
 */
final class DocumentWriter implements DocumentSink {

    static final int BUFFER_BYTES = 1 << 20;
    private static final int IN_FLIGHT = 3;
    private static final BufferPool POOL = new BufferPool(BUFFER_BYTES, 16);
    private static final ExecutorService HASHER = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "spool-sha256");
        thread.setDaemon(true);
        return thread;
    });

    /** A buffer written to the file and (once {@code hashed} completes) folded into the digest. */
    private record Pending(ByteBuffer buffer, CompletableFuture<Void> hashed) {
    }

    private final SpoolFiles files;
    private final FileChannel channel;
    private final MessageDigest digest;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
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
            }
            int n = Math.min(src.remaining(), current.remaining());
            current.put(current.position(), src, src.position(), n);
            current.position(current.position() + n);
            src.position(src.position() + n);
            if (!current.hasRemaining()) {
                flush(current);
                current = null;
            }
        }
    }

    /** Writes what is buffered and returns the hex SHA-256 of everything written; the writer is done. */
    @Override
    public String finish() throws IOException {
        if (current != null && current.position() > 0) {
            if (pending.isEmpty()) {
                current.flip();
                files.write(channel, current.duplicate()); // a short document: hash here, no hand-off
                digest.update(current);
                POOL.give(current);
            } else {
                flush(current);
            }
            current = null;
        }
        while (!pending.isEmpty()) {
            Pending oldest = pending.poll();
            await(oldest.hashed());
            POOL.give(oldest.buffer());
        }
        released = true;
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
        for (Pending p : pending) {
            p.hashed().whenComplete((ok, failure) -> POOL.give(p.buffer()));
        }
        pending.clear();
    }

    private void flush(ByteBuffer full) throws IOException {
        full.flip();
        files.write(channel, full.duplicate());
        ByteBuffer view = full.asReadOnlyBuffer();
        tail = tail.thenRunAsync(() -> digest.update(view), HASHER);
        pending.add(new Pending(full, tail));
    }

    /** A free buffer: a new one while fewer than IN_FLIGHT are used, else the oldest once it is hashed. */
    private ByteBuffer nextBuffer() throws IOException {
        if (pending.size() < IN_FLIGHT - 1) {
            return POOL.take();
        }
        Pending oldest = pending.poll();
        await(oldest.hashed());
        return oldest.buffer().clear();
    }

    private static void await(CompletableFuture<Void> future) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    future.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the helper still reads the buffer: wait it out, keep the flag
                } catch (ExecutionException e) {
                    throw new IOException("hashing the document failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
