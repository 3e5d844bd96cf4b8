package io.paperjam.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Format detection looks at content first, then the file name, then whether it is text. */
class DocumentFormatsTest {

    private static String detect(String head, String name) {
        return DocumentFormats.detect(head.getBytes(StandardCharsets.ISO_8859_1), name);
    }

    @Test
    void magicBytesWinOverTheName() {
        assertEquals("application/pdf", detect("%PDF-1.7\n", "scan.txt"));
        assertEquals("application/postscript", detect("%!PS-Adobe-3.0\n", "x"));
        assertEquals("application/vnd.hp-pcl", detect("\u001bE\u001b&l1O", "x"));
        assertEquals("application/vnd.hp-pcl", detect("@PJL ENTER LANGUAGE=PCL\n", "x"));
    }

    @Test
    void nameDecidesWhenContentHasNoMagic() {
        assertEquals("application/pdf", detect("broken", "report.PDF"));
        assertEquals("text/plain", detect("\u0000\u0001", "notes.txt"));
    }

    @Test
    void textAndBinaryWithoutAHint() {
        assertEquals("text/plain", DocumentFormats.detect("Grüße\r\n\tund\f mehr".getBytes(StandardCharsets.UTF_8), "README"));
        assertEquals("text/plain", detect("Grüße in Latin-1\n", "README"));
        assertEquals("text/plain", detect("", "empty"));
        assertEquals("application/octet-stream", detect("\u0000\u0001\u0002binary", "blob"));
        byte[] cutMidCharacter = new byte[DocumentFormats.SNIFF_BYTES];
        java.util.Arrays.fill(cutMidCharacter, (byte) 'a');
        cutMidCharacter[cutMidCharacter.length - 1] = (byte) 0xC3; // first byte of a two-byte character
        assertEquals("text/plain", DocumentFormats.detect(cutMidCharacter, "x"));
    }
}
