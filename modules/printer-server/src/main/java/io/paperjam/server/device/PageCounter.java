package io.paperjam.server.device;

/** Counts the pages of one document format from its bytes, chunk by chunk. */
public interface PageCounter {

    /** Bytes per page assumed when a document gives no better clue. */
    int BYTES_PER_PAGE_ESTIMATE = 3_000;

    void feed(byte[] bytes, int offset, int length);

    /** Pages counted in the bytes fed so far; 0 when the bytes give no count. */
    int pages();

    /** False when {@link #feed} ignores the bytes, so a caller need not copy them out of a direct buffer. */
    default boolean readsBytes() {
        return true;
    }

    /** A fresh counter for a format; {@link DocumentFormat#UNKNOWN} always answers 0. */
    static PageCounter of(DocumentFormat format) {
        return switch (format) {
            case PDF -> new PdfPageCounter();
            case POSTSCRIPT -> new PostScriptPageCounter();
            case PCL -> new PclPageCounter();
            case TEXT -> new TextPageCounter();
            case UNKNOWN -> new PageCounter() {
                @Override
                public void feed(byte[] bytes, int offset, int length) {
                    // no page structure to learn from
                }

                @Override
                public int pages() {
                    return 0;
                }

                @Override
                public boolean readsBytes() {
                    return false;
                }
            };
        };
    }

    /** One page per {@link #BYTES_PER_PAGE_ESTIMATE} bytes, at least one. */
    static int estimate(long size) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (size + BYTES_PER_PAGE_ESTIMATE - 1)
                / BYTES_PER_PAGE_ESTIMATE));
    }
}
