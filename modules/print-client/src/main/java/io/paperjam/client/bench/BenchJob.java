package io.paperjam.client.bench;

import io.paperjam.protocol.Json;
import io.paperjam.protocol.Request;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The job every connection submits: a text document of the asked size with its SHA-256, so the
 * printer verifies every byte, and the request line announcing it, encoded once.
 */
final class BenchJob {

    static final String FORMAT = "text/plain";
    static final String USER = "bench";

    private final byte[] document;
    private final Request.Submit request;
    private final byte[] wire;

    BenchJob(int bytes) {
        document = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            document[i] = (byte) (i % 64 == 63 ? '\n' : 'a' + i % 26);   // 63-character lines of text
        }
        request = new Request.Submit("bench-" + bytes + "B", bytes, FORMAT, 1, null, USER, sha256(document));
        byte[] line = Json.line(request);
        wire = new byte[line.length + bytes];
        System.arraycopy(line, 0, wire, 0, line.length);
        System.arraycopy(document, 0, wire, line.length, bytes);
    }

    byte[] document() {
        return document;
    }

    Request.Submit request() {
        return request;
    }

    /** The request line followed by the document: what goes on the wire for one job. */
    byte[] wire() {
        return wire;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
