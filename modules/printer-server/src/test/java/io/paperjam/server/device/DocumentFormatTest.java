package io.paperjam.server.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sniffing on bytes decides as the rules written on a String of the first bytes do. */
class DocumentFormatTest {

    private static final List<String> STARTS = List.of("", " ", " \t\r\n", "\u0004", " \u0004", "\u0004\u0004",
            "\u00a0", "\u001c", "%PDF-", "%PDF", "%!", "%!PS-Adobe", "\u001bE", "\u001b%-12345X", "@PJL", "@pjl",
            "@PJL ENTER LANGUAGE=pdf\n", "@PJL ENTER LANGUAGE=PostScript\n", "\u001bE%!PS", "\u001bE%PDF-");

    @Test
    void sniffMatchesTheRulesOnRandomHeads() {
        byte[] noise = {'a', ' ', '\n', '\f', '\r', '\t', 0x1b, 0, 1, 31, 127, (byte) 0x80, (byte) 0xe9, '%', '!'};
        Random random = new Random(5);
        for (int round = 0; round < 5_000; round++) {
            byte[] start = STARTS.get(random.nextInt(STARTS.size())).getBytes(StandardCharsets.ISO_8859_1);
            byte[] head = new byte[DocumentFormat.SNIFF_BYTES];
            int length = Math.min(head.length, start.length + random.nextInt(round % 2 == 0 ? 8 : head.length));
            System.arraycopy(start, 0, head, 0, Math.min(start.length, length));
            int controls = random.nextInt(40);
            for (int i = start.length; i < length; i++) {
                head[i] = random.nextInt(1000) < controls ? noise[random.nextInt(noise.length)] : (byte) 'x';
            }
            assertEquals(byTheRules(head, length), DocumentFormat.sniff(head, length), "round " + round);
        }
    }

    /** The sniffing rules as first written, on a String of the head. */
    private static DocumentFormat byTheRules(byte[] head, int length) {
        String start = new String(head, 0, Math.min(length, DocumentFormat.SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        String stripped = start.stripLeading();
        String trimmed = stripped.startsWith("\u0004") ? stripped.substring(1) : stripped;
        if (trimmed.startsWith("%PDF-")) {
            return DocumentFormat.PDF;
        }
        if (trimmed.startsWith("%!")) {
            return DocumentFormat.POSTSCRIPT;
        }
        if (start.startsWith("\u001bE") || start.startsWith("\u001b%-12345X") || start.startsWith("@PJL")) {
            String upper = start.toUpperCase(Locale.ROOT);
            if (upper.contains("LANGUAGE=PDF") || start.contains("%PDF-")) {
                return DocumentFormat.PDF;
            }
            if (upper.contains("LANGUAGE=POSTSCRIPT") || start.contains("%!PS")) {
                return DocumentFormat.POSTSCRIPT;
            }
            return DocumentFormat.PCL;
        }
        int control = 0;
        for (int i = 0; i < start.length(); i++) {
            char c = start.charAt(i);
            if (c == 0) {
                return DocumentFormat.UNKNOWN;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b || c == 0x7f) {
                control++;
            }
        }
        return length > 0 && control <= start.length() * 0.02 ? DocumentFormat.TEXT : DocumentFormat.UNKNOWN;
    }
}
