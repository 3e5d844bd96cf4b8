package io.paperjam.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paperjam.server.device.DocumentFormat;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DocumentAnalyzerTest {

    private static DocumentAnalyzer analyze(String declared, byte[] bytes, int chunk) {
        DocumentAnalyzer analyzer = DocumentAnalyzer.of(declared, "doc");
        for (int at = 0; at < bytes.length; at += chunk) {
            analyzer.update(ByteBuffer.wrap(bytes, at, Math.min(chunk, bytes.length - at)));
        }
        return analyzer;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String pdf(int pages) {
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n1 0 obj << /Type /Pages /Count " + pages + " >> endobj\n");
        for (int i = 0; i < pages; i++) {
            pdf.append(i + 2).append(" 0 obj << /Type /Page /Parent 1 0 R /Contents ").append("x".repeat(700))
                    .append(" >> endobj\n");
        }
        return pdf.toString();
    }

    @Test
    void sniffsAndCountsAPdfWhateverTheChunking() {
        byte[] doc = bytes(pdf(9));
        for (int chunk : new int[] {1, 2, 7, 100, 1023, 1024, 1025, 4096, doc.length}) {
            DocumentAnalyzer a = analyze(null, doc, chunk);
            assertEquals("application/pdf", a.format(), "chunk " + chunk);
            assertEquals(9, a.pages(), "chunk " + chunk);
            assertEquals(doc.length, a.size());
        }
    }

    @Test
    void sniffsPostScriptPclTextAndBinary() {
        assertEquals("application/postscript", analyze(null, bytes("%!PS-Adobe-3.0\n%%Pages: 3\n"), 5).format());
        assertEquals(3, analyze(null, bytes("%!PS-Adobe-3.0\n%%Pages: 3\n"), 5).pages());
        assertEquals("application/vnd.hp-pcl", analyze(null, bytes("\u001bE page\f page\f"), 3).format());
        assertEquals(2, analyze(null, bytes("\u001b%-12345X@PJL JOB\n\u001bE a\fb\f"), 3).pages());
        assertEquals("application/postscript",
                analyze(null, bytes("\u001b%-12345X@PJL ENTER LANGUAGE=POSTSCRIPT\n%!PS\n%%Pages: 2\n"), 4).format());
        DocumentAnalyzer text = analyze(null, bytes("caf\u00e9 line\n".repeat(150)), 64);
        assertEquals("text/plain", text.format());
        assertEquals(3, text.pages());
        byte[] binary = new byte[10_000];
        new Random(1).nextBytes(binary);
        binary[0] = 0;
        DocumentAnalyzer bin = analyze(null, binary, 999);
        assertEquals("application/octet-stream", bin.format());
        assertEquals(4, bin.pages(), "10,000 bytes at 3,000 a page");
    }

    @Test
    void aBinaryDocumentInDirectBuffersIsSizedAndEstimated() {
        byte[] binary = new byte[300_000];
        new Random(2).nextBytes(binary);
        binary[0] = 0;
        DocumentAnalyzer a = DocumentAnalyzer.of(null, "doc");
        for (int at = 0; at < binary.length; at += 65_536) {
            int n = Math.min(65_536, binary.length - at);
            a.update(ByteBuffer.allocateDirect(n).put(binary, at, n).flip());
        }
        assertEquals("application/octet-stream", a.format());
        assertEquals(binary.length, a.size());
        assertEquals(100, a.pages(), "300,000 bytes at 3,000 a page");
    }

    @Test
    void aDosPostScriptFileStartingWithCtrlDIsPostScript() {
        assertEquals("application/postscript", analyze(null, bytes("\u0004%!PS-Adobe-3.0\n%%Pages: 2\n"), 7).format());
    }

    @Test
    void declaredFormatIsKeptButCountingFollowsTheBytes() {
        assertEquals("application/pdf", analyze("pdf", bytes(pdf(2)), 50).format());
        DocumentAnalyzer mislabeled = analyze("text/plain", bytes(pdf(2)), 50);
        assertEquals("text/plain", mislabeled.format(), "the job keeps the format its submitter gave");
        assertEquals(2, mislabeled.pages(), "but the PDF's pages are counted");
        assertEquals("image/png", analyze("image/png", bytes("\u0089PNG..."), 3).format());
        assertEquals("application/pdf", analyze("application/octet-stream", bytes(pdf(1)), 9).format());
        assertEquals("text/plain", analyze("auto", bytes("hello"), 9).format());
    }

    @Test
    void shortAndEmptyDocumentsStillHaveAPage() {
        assertEquals(1, analyze(null, new byte[0], 1).pages());
        assertEquals("application/octet-stream", analyze(null, new byte[0], 1).format());
        assertEquals(1, analyze(null, bytes("%PDF-1.4"), 1).pages());
        assertEquals(2, analyze(null, bytes("a\fb"), 1).pages());
    }

    @Test
    void updateLeavesTheBufferPositionAloneAndReadsDirectBuffers() {
        byte[] doc = bytes("line\n".repeat(61));
        ByteBuffer direct = ByteBuffer.allocateDirect(doc.length).put(doc).flip();
        direct.position(0);
        DocumentAnalyzer a = DocumentAnalyzer.of(null, "doc");
        a.update(direct);
        assertEquals(0, direct.position());
        assertEquals(doc.length, direct.remaining());
        assertEquals(2, a.pages());
        ByteBuffer heap = ByteBuffer.wrap(doc, 5, 10);
        DocumentAnalyzer b = DocumentAnalyzer.of(null, "doc");
        b.update(heap);
        assertEquals(5, heap.position());
        assertEquals(10, b.size());
    }

    @Test
    void pagesMayBeAskedMidStreamAndAgainLater() {
        byte[] doc = bytes(pdf(5));
        DocumentAnalyzer a = DocumentAnalyzer.of(null, "doc");
        a.update(ByteBuffer.wrap(doc, 0, doc.length / 2));
        int early = a.pages();
        a.update(ByteBuffer.wrap(doc, doc.length / 2, doc.length - doc.length / 2));
        assertEquals(5, a.pages());
        assertEquals(5, a.pages());
        assertEquals(true, early < 5);
        assertEquals(DocumentFormat.PDF, a.sniffedFormat());
    }
}
