package io.paperjam.server.device;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Counts PostScript pages from its DSC comments: the last numeric {@code %%Pages: N} (a header may
 * say {@code (atend)} and the trailer give the number), else the number of {@code %%Page:}
 * comments.
 */
final class PostScriptPageCounter implements PageCounter {

    /** %%Pages: N or %%Page: at the start of a line; group 1 is "s" for %%Pages, group 2 the number. */
    private static final Pattern DSC_PAGES = Pattern.compile("(?<=[\\r\\n])%%Page(s?):[ \\t]{0,16}(\\d{0,9})(?!\\d)");
    private static final int MAX_MATCH = 48;

    private final PatternScanner scanner = new PatternScanner(DSC_PAGES, MAX_MATCH);
    private int pageComments;
    private int declaredPages = -1;

    @Override
    public void feed(byte[] bytes, int offset, int length) {
        scanner.feed(bytes, offset, length, this::onMatch);
    }

    @Override
    public int pages() {
        int[] tail = {pageComments, declaredPages};
        scanner.finish(m -> {
            if (m.group(1).isEmpty()) {
                tail[0]++;
            } else if (!m.group(2).isEmpty()) {
                tail[1] = Integer.parseInt(m.group(2));
            }
        });
        return tail[1] > 0 ? tail[1] : tail[0];
    }

    private void onMatch(MatchResult m) {
        if (m.group(1).isEmpty()) {
            pageComments++;
        } else if (!m.group(2).isEmpty()) {
            declaredPages = Integer.parseInt(m.group(2));
        }
    }
}
