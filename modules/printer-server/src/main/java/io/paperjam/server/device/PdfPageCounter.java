package io.paperjam.server.device;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Counts the page objects of a PDF ({@code /Type /Page}, not {@code /Pages}); when none are
 * visible (they may sit in compressed object streams) it falls back to the largest
 * {@code /Count}, which is the root page tree's.
 */
final class PdfPageCounter implements PageCounter {

    /** A /Type /Page name not followed by more name characters, or a /Count with its number. */
    private static final Pattern PAGE_OR_COUNT = Pattern.compile(
            "/(?:Type\\s{0,16}/Page(?![^\\s()<>\\[\\]{}/%])|Count\\s{0,16}(\\d{1,9})(?!\\d))");
    private static final int MAX_MATCH = 40;

    private final PatternScanner scanner = new PatternScanner(PAGE_OR_COUNT, MAX_MATCH);
    private int pageObjects;
    private int largestCount;

    @Override
    public void feed(byte[] bytes, int offset, int length) {
        scanner.feed(bytes, offset, length, this::onMatch);
    }

    @Override
    public int pages() {
        int[] tail = {pageObjects, largestCount};
        scanner.finish(m -> {
            if (m.group(1) == null) {
                tail[0]++;
            } else {
                tail[1] = Math.max(tail[1], Integer.parseInt(m.group(1)));
            }
        });
        return tail[0] > 0 ? tail[0] : tail[1];
    }

    private void onMatch(MatchResult m) {
        if (m.group(1) == null) {
            pageObjects++;
        } else {
            largestCount = Math.max(largestCount, Integer.parseInt(m.group(1)));
        }
    }
}
