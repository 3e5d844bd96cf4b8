package io.paperjam.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The golden byte vectors under {@code src/test/resources/golden}, shared through the protocol
 * test jar with the server and client tests so that all three agree on the exact bytes.
 *
 * <ul>
 *   <li>{@code request/NAME.json}: the exact line a client sends for a request;
 *   <li>{@code reply/NAME.json}: the exact line the encoder writes for a reply or event;
 *   <li>{@code error/NAME.in} and {@code NAME.out}: a bad request and the exact reply a server
 *       with an empty spool gives it;
 *   <li>{@code trailer/NAME.in} and {@code NAME.out}: a submit with {@code "sha256":"trailer"}, its
 *       document and a checksum trailer line, and the exact reply a server with an empty spool gives.
 * </ul>
 */
public final class GoldenVectors {

    /** The error cases, by name; each has an {@code .in} and an {@code .out}. */
    public static final List<String> ERROR_CASES = List.of("not-json", "not-object", "unknown-op",
            "missing-id", "unknown-job", "unknown-field", "newer-version", "negative-size");

    /** The checksum-trailer cases, by name; each has a {@code .in} and an {@code .out}. */
    public static final List<String> TRAILER_CASES = List.of("mismatch", "not-hex", "not-json",
            "unknown-field", "missing-digest");

    private GoldenVectors() {
    }

    public static byte[] request(String name) {
        return load("request/" + name + ".json");
    }

    public static byte[] reply(String name) {
        return load("reply/" + name + ".json");
    }

    public static byte[] errorIn(String name) {
        return load("error/" + name + ".in");
    }

    public static byte[] errorOut(String name) {
        return load("error/" + name + ".out");
    }

    public static byte[] trailerIn(String name) {
        return load("trailer/" + name + ".in");
    }

    public static byte[] trailerOut(String name) {
        return load("trailer/" + name + ".out");
    }

    private static byte[] load(String path) {
        try (InputStream in = GoldenVectors.class.getResourceAsStream("/golden/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden vector " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
