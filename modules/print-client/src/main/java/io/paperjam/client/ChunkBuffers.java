package io.paperjam.client;

import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * Where {@link DocumentUpload} gets the buffer for each chunk it reads and sends, and what happens to a
 * chunk's bytes besides being sent: nothing, or hashing them in the sending thread.
 */
interface ChunkBuffers extends AutoCloseable {

    /** A buffer to read the next chunk into; the previous one has been sent. */
    ByteBuffer next() throws InterruptedException;

    /** Called with each chunk just before it is sent; must not move the chunk's position. */
    void filled(ByteBuffer chunk);

    /** Called once the last chunk was sent: everything {@link #filled} got is hashed when it returns. */
    void finish() throws InterruptedException;

    /** Stops any helper; safe to call more than once and after {@link #finish}. */
    @Override
    void close();

    /** One buffer, reused for every chunk; each chunk is added to {@code digest} (when not null) in turn. */
    static ChunkBuffers inline(ByteBuffer buffer, MessageDigest digest) {
        return new ChunkBuffers() {
            @Override
            public ByteBuffer next() {
                return buffer;
            }

            @Override
            public void filled(ByteBuffer chunk) {
                if (digest != null) {
                    digest.update(chunk.duplicate());
                }
            }

            @Override
            public void finish() {
            }

            @Override
            public void close() {
            }
        };
    }
}
