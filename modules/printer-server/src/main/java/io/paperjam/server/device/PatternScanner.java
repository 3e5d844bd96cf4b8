package io.paperjam.server.device;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a pattern in a byte stream that arrives in chunks, counting a match that straddles two
 * chunks exactly once. It keeps only a short tail between chunks: the pattern's longest match
 * (lookahead included) plus one character for lookbehind. The stream begins with a virtual
 * newline so that a pattern anchored with {@code (?<=[\r\n])} also matches on the first line.
 */
final class PatternScanner {

    private final Pattern pattern;
    private final int maxMatch;
    private String carry = "\n";
    private int scanFrom = 1;

    /**
     * @param pattern the pattern, searched in bytes decoded as ISO-8859-1 (one char per byte)
     * @param maxMatch the longest text a match (with its lookahead) can span
     */
    PatternScanner(Pattern pattern, int maxMatch) {
        this.pattern = pattern;
        this.maxMatch = maxMatch;
    }

    /** Scans a chunk, reporting each match that is now certain. */
    void feed(byte[] bytes, int offset, int length, Consumer<MatchResult> onMatch) {
        String text = carry + new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        int safeLimit = text.length() - maxMatch;
        int next = scanFrom;
        Matcher m = matcher(text, scanFrom);
        while (m.find() && m.start() < safeLimit) {
            onMatch.accept(m.toMatchResult());
            next = m.end();
        }
        next = Math.max(next, Math.max(scanFrom, safeLimit));
        int keepFrom = Math.max(0, next - 1);
        carry = text.substring(keepFrom);
        scanFrom = next - keepFrom;
    }

    /** Reports the matches in the tail as if the stream ended now, without changing any state. */
    void finish(Consumer<MatchResult> onMatch) {
        Matcher m = matcher(carry, scanFrom);
        while (m.find()) {
            onMatch.accept(m.toMatchResult());
        }
    }

    private Matcher matcher(String text, int from) {
        Matcher m = pattern.matcher(text);
        m.region(from, text.length());
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m;
    }
}
