package io.paperjam.server.device;

/**
 * Counts pages of plain text like a line printer: a page holds {@link #LINES_PER_PAGE} lines and a
 * form feed starts a new page (a form feed right after a full page adds no blank page).
 */
final class TextPageCounter implements PageCounter {

    /** Lines on one printed page of text. */
    static final int LINES_PER_PAGE = 60;

    private int pages;
    private int linesOnPage;
    private boolean pageHasText;

    @Override
    public void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            switch (bytes[i]) {
                case '\n' -> {
                    if (++linesOnPage == LINES_PER_PAGE) {
                        endPage();
                    }
                }
                case '\f' -> {
                    if (linesOnPage > 0 || pageHasText) {
                        endPage();
                    }
                }
                case '\r' -> {
                    // part of a CRLF line end; the LF counts the line
                }
                default -> pageHasText = true;
            }
        }
    }

    @Override
    public int pages() {
        return pages + (linesOnPage > 0 || pageHasText ? 1 : 0);
    }

    private void endPage() {
        pages++;
        linesOnPage = 0;
        pageHasText = false;
    }
}
