package io.paperjam.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Test helpers: deterministic document bytes and one-call uploads. */
final class Jobs {

    private Jobs() {
    }

    /** {@code size} bytes derived from {@code seed}, the same every time. */
    static byte[] content(long seed, int size) {
        byte[] bytes = new byte[size];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static JobRecord submit(Spool spool, String name, byte[] document) throws IOException {
        return submit(spool, JobHeader.of(name).withDeclaredSize(document.length), document);
    }

    static JobRecord submit(Spool spool, JobHeader header, byte[] document) throws IOException {
        try (JobUpload upload = spool.begin(header)) {
            upload.write(ByteBuffer.wrap(document));
            return upload.commit();
        }
    }
}
