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
        // fields in locals, and one comparison for the common byte: this loop sees every byte of every text job
        int pagesSoFar = pages;
        int lines = linesOnPage;
        boolean text = pageHasText;
        for (int i = offset, end = offset + length; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b > '\r') {
                text = true;
            } else if (b == '\n') {
                if (++lines == LINES_PER_PAGE) {
                    pagesSoFar++;
                    lines = 0;
                    text = false;
                }
            } else if (b == '\f') {
                if (lines > 0 || text) {
                    pagesSoFar++;
                    lines = 0;
                    text = false;
                }
            } else if (b != '\r') {
                text = true;    // another control byte; a CR is part of a CRLF line end, the LF counts the line
            }
        }
        pages = pagesSoFar;
        linesOnPage = lines;
        pageHasText = text;
    }

    @Override
    public int pages() {
        return pages + (linesOnPage > 0 || pageHasText ? 1 : 0);
    }
}
