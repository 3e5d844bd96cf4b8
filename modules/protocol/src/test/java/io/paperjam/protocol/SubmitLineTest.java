package io.paperjam.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass submit reader accepts only what the strict reading accepts, as the same request. */
class SubmitLineTest {

    private static final String SHA = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";
    private static final String BENCH = "{\"op\":\"submit\",\"name\":\"bench-4096B\",\"size\":4096,\"format\":\"text/plain\","
            + "\"copies\":1,\"user\":\"bench\",\"sha256\":\"" + SHA + "\"}";

    @Test
    void readsTheUsualSubmitLinesItself() throws Exception {
        for (String line : List.of(BENCH, text(GoldenVectors.request("submit")).strip(),
                text(GoldenVectors.request("submit-trailer")).strip(), text(GoldenVectors.request("submit-minimal")).strip(),
                "{\"v\":1,\"op\":\"submit\",\"name\":\"a\",\"size\":0,\"pages\":null,\"user\":null}")) {
            Request.Submit fast = SubmitLine.parse(bytes(line), 0, line.length());
            assertNotNull(fast, line);
            assertEquals(strict(bytes(line)), fast, line);
        }
    }

    @Test
    void leavesEverythingUnusualToTheStrictReading() {
        List<String> lines = List.of("", " ", "null", "[]", "\"submit\"", "{}", "{\"op\":\"status\"}",
                "{\"op\":\"submit\"}", "{\"op\":\"submit\",\"name\":\"a\"}", "{\"op\":\"submit\",\"size\":1}",
                "{\"op\":\"submit\",\"name\":\" \",\"size\":1}", "{\"op\":\"submit\",\"name\":null,\"size\":1}",
                "{\"op\":\"submit\",\"name\":\"a\",\"size\":null}", "{\"op\":null,\"name\":\"a\",\"size\":1}",
                "{\"op\":\"SUBMIT\",\"name\":\"a\",\"size\":1}", "{\"op\":\"submit\",\"name\":\"a\",\"size\":-1}",
                "{\"op\":\"submit\",\"name\":\"a\",\"size\":1.0}", "{\"op\":\"submit\",\"name\":\"a\",\"size\":1e3}",
                "{\"op\":\"submit\",\"name\":\"a\",\"size\":99999999999999999999}",
                "{\"op\":\"submit\",\"name\":\"a\",\"size\":\"1\"}", "{\"op\":\"submit\",\"name\":5,\"size\":1}",
                "{\"op\":\"submit\",\"name\":\"a\",\"size\":1,\"copies\":0}",
                "{\"op\":\"submit\",\"name\":\"a\",\"size\":1,\"copies\":1000}",
                "{\"op\":\"submit\",\"name\":\"a\",\"size\":1,\"pages\":0}",
                "{\"op\":\"submit\",\"name\":\"a\",\"size\":1,\"v\":2}", "{\"op\":\"submit\",\"name\":\"a\",\"size\":1,\"v\":0}",
                "{\"op\":\"submit\",\"name\":\"a\",\"size\":1,\"v\":\"1\"}",
                "{\"op\":\"submit\",\"name\":\"a\",\"size\":1,\"token\":\"t\"}",
                "{\"op\":\"submit\",\"name\":\"a\",\"size\":1,\"colour\":\"red\"}",
                "{\"op\":\"submit\",\"name\":\"a\",\"size\":1,\"name\":\"b\"}",
                "{\"op\":\"submit\",\"name\":\"a\",\"size\":1,\"size\":2}",
                "{\"op\":\"submit\",\"name\":\"a\",\"size\":1,\"user\":[\"x\"]}",
                "{\"op\":\"submit\",\"name\":\"a\",\"size\":1,\"format\":{}}",
                "{\"op\":\"submit\",\"name\":\"a\\u0007\",\"size\":1}", "{\"op\":\"submit\",\"name\":\"a\\n\",\"size\":1}",
                "{\"op\":\"submit\",\"name\":\"" + "n".repeat(Protocol.MAX_TEXT_LENGTH + 1) + "\",\"size\":1}",
                "{\"op\":\"submit\",\"name\":\"a\",\"size\":1,\"sha256\":\"abc\"}",
                "{\"op\":\"submit\",\"name\":\"a\",\"size\":1} {}", "{\"op\":\"submit\",\"name\":\"a\",\"size\":1}x",
                "{\"op\":\"submit\",\"name\":\"a\",\"size\":1,}", "{\"op\":\"submit\",\"name\":\"a\",\"size\":1",
                "{'op':'submit','name':'a','size':1}", "{\"op\":\"submit\",/* hi */\"name\":\"a\",\"size\":1}");
        for (String line : lines) {
            byte[] bytes = bytes(line);
            Request.Submit fast = SubmitLine.parse(bytes, 0, bytes.length);
            Request strict = strictOrNull(bytes);
            if (fast != null) {
                assertEquals(strict, fast, line);
            }
            if (strict == null) {
                assertNull(fast, line);
            }
        }
    }

    @Test
    void aDigestIsSixtyFourHexDigitsInEitherCase() throws Exception {
        assertEquals(SHA, ((Request.Submit) RequestParser.parse(bytes(submitWith(SHA.toUpperCase())))).sha256());
        for (String bad : List.of(SHA.substring(1), SHA + "0", "g" + SHA.substring(1), " " + SHA.substring(1), "")) {
            assertThrows(ProtocolException.class, () -> RequestParser.parse(bytes(submitWith(bad))), bad);
        }
    }

    private static String submitWith(String sha256) {
        return "{\"op\":\"submit\",\"name\":\"a\",\"size\":1,\"sha256\":\"" + sha256 + "\"}";
    }

    /** Random byte edits of real submit lines: whatever the one-pass reader accepts, the strict one accepts alike. */
    @Test
    void agreesWithTheStrictReadingOnMutatedLines() throws Exception {
        List<byte[]> seeds = new ArrayList<>(List.of(bytes(BENCH), GoldenVectors.request("submit"),
                GoldenVectors.request("submit-trailer"), GoldenVectors.request("submit-minimal")));
        byte[] alphabet = bytes("{}[]\":,0123456789-+.eEnulltrfa \\u0000\u0001\u00e9\"submitnameopv");
        Random random = new Random(3);
        int fastAccepted = 0;
        for (int round = 0; round < 30_000; round++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            byte[] line = mutate(seed, seedLength(seed), random, alphabet);
            Request.Submit fast = SubmitLine.parse(line, 0, line.length);
            Request strict = strictOrNull(line);
            if (fast != null) {
                fastAccepted++;
                assertEquals(strict, fast, text(line));
            }
        }
        assertTrue(fastAccepted > 1000, "mutations the fast reader accepted: " + fastAccepted);
    }

    private static byte[] mutate(byte[] seed, int length, Random random, byte[] alphabet) {
        byte[] line = Arrays.copyOf(seed, length);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(line.length);
            byte b = alphabet[random.nextInt(alphabet.length)];
            switch (random.nextInt(3)) {
                case 0 -> line[at] = b;
                case 1 -> {
                    byte[] longer = new byte[line.length + 1];
                    System.arraycopy(line, 0, longer, 0, at);
                    longer[at] = b;
                    System.arraycopy(line, at, longer, at + 1, line.length - at);
                    line = longer;
                }
                default -> {
                    if (line.length > 1) {
                        byte[] shorter = new byte[line.length - 1];
                        System.arraycopy(line, 0, shorter, 0, at);
                        System.arraycopy(line, at + 1, shorter, at, line.length - at - 1);
                        line = shorter;
                    }
                }
            }
        }
        return line;
    }

    /** Golden vectors end in a newline, which is not part of the line. */
    private static int seedLength(byte[] seed) {
        return seed.length > 0 && seed[seed.length - 1] == '\n' ? seed.length - 1 : seed.length;
    }

    private static Request strict(byte[] line) throws ProtocolException {
        int length = seedLength(line);
        return RequestParser.parse(RequestParser.object(line, 0, length, "request"));
    }

    private static Request strictOrNull(byte[] line) {
        try {
            return RequestParser.parse(RequestParser.object(line, 0, line.length, "request"));
        } catch (ProtocolException e) {
            return null;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }
}
