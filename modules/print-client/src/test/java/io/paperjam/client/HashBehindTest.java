package io.paperjam.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HashBehindTest {

    private static final String THREAD = "print-client-sha256";

    @Test
    void hashesEveryChunkInTheOrderItWasFilled() throws Exception {
        byte[] document = new byte[1_000_003];
        new Random(3).nextBytes(document);
        MessageDigest behind = MessageDigest.getInstance("SHA-256");
        try (HashBehind hasher = new HashBehind(behind, 3, 4096, true)) {
            Random sizes = new Random(5);
            for (int at = 0; at < document.length; ) {
                ByteBuffer chunk = hasher.next();
                int n = Math.min(document.length - at, 1 + sizes.nextInt(chunk.capacity()));
                chunk.clear().limit(n);
                chunk.put(document, at, n).flip();
                hasher.filled(chunk);
                chunk.position(chunk.limit());   // as a socket write leaves it
                at += n;
            }
            hasher.finish();
        }
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(document), behind.digest());
    }

    @Test
    void closingAnUnfinishedHasherEndsItsThread() throws Exception {
        HashBehind hasher = new HashBehind(MessageDigest.getInstance("SHA-256"), 2, 1024, false);
        hasher.filled(hasher.next().limit(10));
        hasher.close();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (helperAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertFalse(helperAlive(), "the helper thread of a closed hasher is still running");
    }

    private static boolean helperAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(THREAD) && t.isAlive());
    }
}
