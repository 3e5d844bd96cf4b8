package io.paperjam.server.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PageCounterTest {

    private static int count(Supplier<PageCounter> counter, String document) {
        byte[] bytes = document.getBytes(StandardCharsets.ISO_8859_1);
        PageCounter c = counter.get();
        c.feed(bytes, 0, bytes.length);
        return c.pages();
    }

    /** Counts the document split at every position, and in random small chunks; all must agree. */
    private static int countEverySplit(Supplier<PageCounter> counter, String document) {
        byte[] bytes = document.getBytes(StandardCharsets.ISO_8859_1);
        int whole = count(counter, document);
        for (int split = 0; split <= bytes.length; split++) {
            PageCounter c = counter.get();
            c.feed(bytes, 0, split);
            c.feed(bytes, split, bytes.length - split);
            assertEquals(whole, c.pages(), "split at " + split);
        }
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            PageCounter c = counter.get();
            for (int at = 0; at < bytes.length; ) {
                int n = Math.min(bytes.length - at, 1 + random.nextInt(5));
                c.feed(bytes, at, n);
                at += n;
            }
            assertEquals(whole, c.pages(), "random chunks, round " + round);
        }
        return whole;
    }

    @Test
    void textCountsSixtyLinesAPage() {
        assertEquals(1, count(TextPageCounter::new, "hello"));
        assertEquals(1, count(TextPageCounter::new, "line\n".repeat(60)));
        assertEquals(2, count(TextPageCounter::new, "line\n".repeat(61)));
        assertEquals(3, count(TextPageCounter::new, "line\r\n".repeat(130)));
        assertEquals(0, count(TextPageCounter::new, ""));
    }

    @Test
    void textFormFeedStartsAPageButNeverABlankOne() {
        assertEquals(3, countEverySplit(TextPageCounter::new, "one\fpage two\n\fthree"));
        assertEquals(1, count(TextPageCounter::new, "line\n".repeat(60) + "\f"), "a full page needs no extra feed");
        assertEquals(2, count(TextPageCounter::new, "a\f\f\fb"), "feeds in a row make no blank pages");
    }

    /** Random text of line ends, feeds, CRs, other control bytes and high bytes counts as the rules say. */
    @Test
    void textCountMatchesTheRulesOnRandomBytes() {
        byte[] alphabet = {'\n', '\n', '\f', '\r', 'a', ' ', 0, 9, 11, 13, 14, 31, 127, (byte) 0x80, (byte) 0xff};
        Random random = new Random(11);
        for (int round = 0; round < 300; round++) {
            byte[] bytes = new byte[random.nextInt(400)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = alphabet[random.nextInt(random.nextBoolean() ? 4 : alphabet.length)];
            }
            assertEquals(textPagesByTheRules(bytes), countEverySplit(TextPageCounter::new,
                    new String(bytes, StandardCharsets.ISO_8859_1)), "round " + round);
        }
    }

    /** The rules of TextPageCounter, one byte at a time: 60 lines a page, a feed ends a page that has anything. */
    private static int textPagesByTheRules(byte[] bytes) {
        int pages = 0;
        int lines = 0;
        boolean text = false;
        for (byte b : bytes) {
            if (b == '\n') {
                if (++lines == TextPageCounter.LINES_PER_PAGE) {
                    pages++;
                    lines = 0;
                    text = false;
                }
            } else if (b == '\f') {
                if (lines > 0 || text) {
                    pages++;
                    lines = 0;
                    text = false;
                }
            } else if (b != '\r') {
                text = true;
            }
        }
        return pages + (lines > 0 || text ? 1 : 0);
    }

    @Test
    void pdfCountsPageObjectsNotThePageTree() {
        String pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n"
                + "4 0 obj <</Type/Page/Parent 2 0 R>> endobj\n"
                + "5 0 obj << /Type\n/Page\r/Parent 2 0 R >> endobj\n"
                + "6 0 obj << /Type /PageLabel >> endobj\n%%EOF\n";
        assertEquals(3, countEverySplit(PdfPageCounter::new, pdf));
    }

    @Test
    void pdfFallsBackToTheLargestCount() {
        String pdf = "%PDF-1.5\n2 0 obj << /Type /Pages /Count 12 /Kids [9 0 R] >> endobj\n"
                + "9 0 obj << /Type /Pages /Count 4 >> endobj\n7 0 obj << /Type /ObjStm /N 16 >> stream\n";
        assertEquals(12, countEverySplit(PdfPageCounter::new, pdf));
        assertEquals(0, count(PdfPageCounter::new, "%PDF-1.5\nnothing to see"));
    }

    @Test
    void postScriptTrustsTheLastPagesComment() {
        String header = "%!PS-Adobe-3.0\n%%Pages: (atend)\n%%PageOrder: Ascend\n%%EndComments\n";
        String pages = "%%Page: 1 1\nshowpage\n%%Page: 2 2\nshowpage\n";
        assertEquals(5, countEverySplit(PostScriptPageCounter::new, header + pages + "%%Trailer\n%%Pages: 5\n%%EOF\n"));
        assertEquals(2, countEverySplit(PostScriptPageCounter::new, header + pages + "%%EOF"));
        assertEquals(4, countEverySplit(PostScriptPageCounter::new, "%!PS-Adobe-3.0\n%%Pages: 4\n%%EndComments\n"));
        assertEquals(1, count(PostScriptPageCounter::new, "%%Page: 1 1\n(not a comment: %%Page: 2) show\n"));
    }

    @Test
    void pclCountsFormFeeds() {
        assertEquals(2, countEverySplit(PclPageCounter::new, "\u001bE\u001b&l0Opage one\fpage two\f\u001bE"));
        assertEquals(0, count(PclPageCounter::new, "\u001bEno feed"));
    }

    @Test
    void sizeEstimateIsOnePagePerThreeThousandBytesAtLeastOne() {
        assertEquals(1, PageCounter.estimate(0));
        assertEquals(1, PageCounter.estimate(3000));
        assertEquals(2, PageCounter.estimate(3001));
        assertEquals(4, PageCounter.estimate(10_000));
    }
}
