package io.paperjam.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * Streams a document body after its submit line, in chunks, reporting progress and, when asked, hashing
 * exactly the bytes it sends; stops early when the printer answers before the body is all sent (a refusal
 * such as too-large or paper-out).
 */
final class DocumentUpload {

    /** Bytes per write from a stream; also how often progress is reported and the printer is checked for an early answer. */
    static final int CHUNK_BYTES = 64 * 1024;
    /** Bytes per read and write from a file: few system calls, and still a progress report and a check per MiB. */
    static final int FILE_CHUNK_BYTES = 1024 * 1024;
    /** Documents at least this big are hashed on a helper thread while they are sent ({@link HashBehind}). */
    static final long HASH_BEHIND_BYTES = 8L << 20;
    /** Chunks a {@link HashBehind} may have read but not yet hashed. */
    static final int HASH_BEHIND_BUFFERS = 4;
    /** How long to look for a reply after the printer broke the connection mid-upload. */
    static final Duration LAST_WORD_WAIT = Duration.ofSeconds(2);

    private final Connection connection;
    private final ProgressListener progress;

    DocumentUpload(Connection connection, ProgressListener progress) {
        this.connection = connection;
        this.progress = progress == null ? ProgressListener.NONE : progress;
    }

    /**
     * Sends exactly {@code size} bytes from {@code in}.
     *
     * @return the printer's reply line when it answered before the whole body was sent, or null
     *     when the whole body went out (the reply is still to be read)
     */
    byte[] send(InputStream in, long size) throws PrintClientException {
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, Math.max(1, size)));
        return send(Channels.newChannel(in), size, ChunkBuffers.inline(chunk, null));
    }

    /**
     * Sends exactly {@code size} bytes from {@code file} (read once, from its current position), adding each
     * byte sent to {@code digest} when it is not null. On a plain connection the bytes go from a direct
     * buffer to the socket without passing through the heap. A big document is hashed on a helper thread
     * while it is sent; the digest is complete when this returns.
     */
    byte[] sendFile(ReadableByteChannel file, long size, MessageDigest digest) throws PrintClientException {
        int capacity = (int) Math.min(FILE_CHUNK_BYTES, Math.max(1, size));
        boolean direct = connection.takesDirectBuffers() && size >= CHUNK_BYTES;
        if (digest != null && size >= HASH_BEHIND_BYTES) {
            return send(file, size, new HashBehind(digest, HASH_BEHIND_BUFFERS, capacity, direct));
        }
        ByteBuffer chunk = direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
        return send(file, size, ChunkBuffers.inline(chunk, digest));
    }

    private byte[] send(ReadableByteChannel in, long size, ChunkBuffers buffers) throws PrintClientException {
        long sent = 0;
        progress.progress(0, size);
        try (buffers) {
            while (sent < size) {
                if (connection.hasInput()) {
                    return connection.readLine();
                }
                ByteBuffer chunk = buffers.next();
                chunk.clear().limit((int) Math.min(chunk.capacity(), size - sent));
                if (!fill(in, chunk)) {
                    throw new PrintClientException("the document ended after " + (sent + chunk.position())
                            + " of the " + size + " bytes announced");
                }
                chunk.flip();
                buffers.filled(chunk);
                int n = chunk.remaining();
                connection.writeBody(chunk);
                sent += n;
                progress.progress(sent, size);
            }
            connection.body().flush();
            buffers.finish();
            return null;
        } catch (PrintClientException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrintClientException("interrupted while sending the document", e);
        } catch (IOException e) {
            byte[] lastWord = lastWord();
            if (lastWord != null) {
                return lastWord;
            }
            throw connection.lost("sending the document (" + sent + " of " + size + " bytes sent)", e);
        }
    }

    /** The reply the printer may have sent before it closed the connection on us, or null. */
    private byte[] lastWord() {
        try {
            return connection.pollLine(LAST_WORD_WAIT);
        } catch (PrintClientException e) {
            return null;
        }
    }

    /** Reads until {@code chunk} is full; false when the source ended first. */
    private static boolean fill(ReadableByteChannel in, ByteBuffer chunk) throws PrintClientException {
        try {
            while (chunk.hasRemaining()) {
                if (in.read(chunk) < 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new PrintClientException("cannot read the document: " + e.getMessage(), e);
        }
    }
}
