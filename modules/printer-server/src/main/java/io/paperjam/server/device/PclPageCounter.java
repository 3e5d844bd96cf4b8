package io.paperjam.server.device;

/**
 * Counts PCL pages by their form feeds, each of which ejects a page. Raster data can contain the
 * same byte, so this is an estimate; with no form feed at all the analyzer estimates from size.
 */
final class PclPageCounter implements PageCounter {

    private static final byte FORM_FEED = '\f';

    private int formFeeds;

    @Override
    public void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == FORM_FEED) {
                formFeeds++;
            }
        }
    }

    @Override
    public int pages() {
        return formFeeds;
    }
}
