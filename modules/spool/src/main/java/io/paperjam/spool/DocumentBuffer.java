package io.paperjam.spool;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Holds a small document of known size in memory until it is committed through the {@link Journal}. */
final class DocumentBuffer implements DocumentSink {

    private final byte[] bytes;
    private int length;

    DocumentBuffer(int declaredSize) {
        this.bytes = new byte[declaredSize];
    }

    /** The caller ({@link JobUpload}) has already refused more than the declared size. */
    @Override
    public void write(ByteBuffer src) {
        int n = src.remaining();
        src.get(bytes, length, n);
        length += n;
    }

    @Override
    public String finish() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public void release() {
        // nothing to free but memory
    }

    /** The document; complete once {@link JobUpload} checked its size. */
    byte[] bytes() {
        return bytes;
    }
}
