package io.paperjam.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Guesses a document's MIME type from its first bytes, then its file name, the way a print spooler does. */
public final class DocumentFormats {

    public static final String PDF = "application/pdf";
    public static final String POSTSCRIPT = "application/postscript";
    public static final String PCL = "application/vnd.hp-pcl";
    public static final String TEXT = "text/plain";
    public static final String OCTET_STREAM = "application/octet-stream";

    /** How many leading bytes the guess looks at. */
    public static final int SNIFF_BYTES = 4096;

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "pdf", PDF, "ps", POSTSCRIPT, "eps", POSTSCRIPT, "pcl", PCL, "prn", PCL,
            "txt", TEXT, "text", TEXT, "log", TEXT, "md", TEXT, "csv", TEXT);

    private DocumentFormats() {
    }

    /** The format of a file, from its first bytes and its name. */
    public static String detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return detect(in.readNBytes(SNIFF_BYTES), file.getFileName() == null ? "" : file.getFileName().toString());
        }
    }

    /** The format of a document that starts with {@code head} and is called {@code name} (may be empty). */
    public static String detect(byte[] head, String name) {
        if (startsWith(head, "%PDF-")) {
            return PDF;
        }
        if (startsWith(head, "%!")) {
            return POSTSCRIPT;
        }
        if (startsWith(head, "\u001bE") || startsWith(head, "@PJL") || startsWith(head, "\u001b%-12345X")) {
            return PCL;
        }
        String byName = BY_EXTENSION.get(extension(name));
        if (byName != null) {
            return byName;
        }
        return isText(head) ? TEXT : OCTET_STREAM;
    }

    private static boolean startsWith(byte[] head, String magic) {
        if (head.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (head[i] != (byte) magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Text in an 8-bit encoding (Latin-1, Windows-1252): no control bytes but tab, newline, carriage return and form feed. */
    private static boolean isLegacyText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 with no control characters but tab, newline, carriage return and form feed; a cut last character is fine. */
    static boolean isText(byte[] head) {
        if (head.length == 0) {
            return true;
        }
        int end = head.length;
        if (head.length == SNIFF_BYTES) {
            // the sample may end inside a multi-byte character: drop its tail
            while (end > head.length - 4 && end > 0 && (head[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (end > 0 && (head[end - 1] & 0x80) != 0) {
                end--;
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, end)).toString();
        } catch (CharacterCodingException e) {
            return isLegacyText(head);
        }
        return text.chars().noneMatch(c -> Character.isISOControl(c)
                && c != '\t' && c != '\n' && c != '\r' && c != '\f');
    }
}
