package io.paperjam.server.hardening;

import io.paperjam.protocol.GoldenVectors;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Turns valid requests into nearly valid ones, the way buggy clients and bit rot do: byte flips,
 * truncation, insertion of bytes or JSON tokens, duplication of a range, and splicing two
 * requests together. The same seed always gives the same input, so a failure can be replayed.
 */
final class Mutator {

    /** Valid request lines (newline included) to start from: every golden request, plus submits with documents. */
    static final List<byte[]> SEEDS = seeds();

    private static final byte[] INTERESTING = {0, (byte) 0xff, (byte) 0xc0, (byte) 0x80, '\n', '\r', '"', '\\',
        '{', '}', '[', ']', ':', ',', '-', '0', '9', 'e', ' ', '\t', 0x7f};
    private static final String[] TOKENS = {"\"submit\"", "\"size\":", "-1", "1e999", "99999999999999999999",
        "null", "true", "[", "{", "}", "\"op\":", ",\"size\":0", "\\u0000", "\\ud800", "\"..\\/..\\/x\"", "\n",
        "{\"op\":\"pause\"}\n", "\"v\":2", "\"token\":\"\"", "1.5", "0x10"};

    private Mutator() {
    }

    /** {@code base} changed 1 to 8 times, sometimes spliced with {@code other}. */
    static byte[] mutate(byte[] base, byte[] other, long seed) {
        Random random = new Random(seed);
        byte[] bytes = base.clone();
        int rounds = 1 + random.nextInt(8);
        for (int i = 0; i < rounds; i++) {
            bytes = once(bytes, other, random);
        }
        return bytes;
    }

    private static byte[] once(byte[] bytes, byte[] other, Random random) {
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        switch (random.nextInt(8)) {
            case 0 -> {   // flip one bit
                if (bytes.length > 0) {
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
                return bytes;
            }
            case 1 -> {   // overwrite with a byte that means something to JSON or UTF-8
                if (bytes.length > 0) {
                    bytes[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                }
                return bytes;
            }
            case 2 -> {
                return Arrays.copyOf(bytes, at);   // truncate
            }
            case 3 -> {
                byte[] junk = new byte[1 + random.nextInt(16)];
                random.nextBytes(junk);
                return insert(bytes, at, junk);
            }
            case 4 -> {
                return insert(bytes, at, TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
            }
            case 5 -> {   // duplicate a range
                int to = at + random.nextInt(Math.max(1, bytes.length - at));
                return insert(bytes, to, Arrays.copyOfRange(bytes, at, to));
            }
            case 6 -> {   // splice: our head, the other's tail
                int cut = other.length == 0 ? 0 : random.nextInt(other.length);
                return concat(Arrays.copyOf(bytes, at), Arrays.copyOfRange(other, cut, other.length));
            }
            default -> {   // delete a range
                int to = at + random.nextInt(Math.max(1, bytes.length - at));
                return concat(Arrays.copyOf(bytes, at), Arrays.copyOfRange(bytes, to, bytes.length));
            }
        }
    }

    private static byte[] insert(byte[] bytes, int at, byte[] what) {
        return concat(concat(Arrays.copyOf(bytes, at), what), Arrays.copyOfRange(bytes, at, bytes.length));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (String name : List.of("cancel", "fault-clear-all", "fault-list", "fault-set", "job", "jobs", "pause",
                "resume", "status", "submit-minimal", "submit", "supplies-refill", "supplies-set", "watch")) {
            seeds.add(GoldenVectors.request(name));
        }
        ByteArrayOutputStream withBody = new ByteArrayOutputStream();
        withBody.writeBytes("{\"op\":\"submit\",\"name\":\"a.txt\",\"size\":11}\nhello world{\"op\":\"status\"}\n"
                .getBytes(StandardCharsets.UTF_8));
        seeds.add(withBody.toByteArray());
        seeds.add("{\"op\":\"submit\",\"name\":\"z\",\"size\":0,\"copies\":2,\"pages\":1}\n".getBytes(StandardCharsets.UTF_8));
        return List.copyOf(seeds);
    }
}
