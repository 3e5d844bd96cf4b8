package io.paperjam.server.device;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The document formats the device knows how to count pages of, by MIME type. */
public enum DocumentFormat {
    PDF("application/pdf"),
    POSTSCRIPT("application/postscript"),
    PCL("application/vnd.hp-pcl"),
    TEXT("text/plain"),
    UNKNOWN("application/octet-stream");

    /** Bytes at the start of a document that format sniffing looks at. */
    public static final int SNIFF_BYTES = 1024;
    /** Share of bytes in the sniffed head that may be control characters in a text document. */
    private static final double TEXT_MAX_CONTROL_SHARE = 0.02;

    private static final byte[] PDF_MAGIC = ascii("%PDF-");
    private static final byte[] POSTSCRIPT_MAGIC = ascii("%!");
    private static final byte[] PCL_RESET = ascii("\u001bE");
    private static final byte[] PJL_ESCAPE = ascii("\u001b%-12345X");
    private static final byte[] PJL_COMMAND = ascii("@PJL");

    private final String mimeType;

    DocumentFormat(String mimeType) {
        this.mimeType = mimeType;
    }

    public String mimeType() {
        return mimeType;
    }

    /**
     * The format a submitter declared, by MIME type (parameters ignored) or short name
     * ({@code pdf}, {@code ps}, {@code pcl}, {@code pjl}, {@code text}, {@code txt}). Empty when it
     * asks for auto-detection ({@code null}, blank, {@code auto}, {@code application/octet-stream})
     * or names a format the device does not know.
     */
    public static Optional<DocumentFormat> fromDeclared(String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        String type = bareType(declared);
        return Optional.ofNullable(switch (type) {
            case "application/pdf", "pdf" -> PDF;
            case "application/postscript", "postscript", "ps" -> POSTSCRIPT;
            case "application/vnd.hp-pcl", "application/pcl", "application/vnd.hp-pjl", "pcl", "pjl" -> PCL;
            case "text/plain", "text", "txt" -> TEXT;
            default -> null;
        });
    }

    /** True when the declared format means "work it out from the bytes". */
    public static boolean isAuto(String declared) {
        if (declared == null) {
            return true;
        }
        String type = bareType(declared);
        return type.isEmpty() || type.equals("auto") || type.equals(UNKNOWN.mimeType);
    }

    /**
     * The format the first bytes show: {@code %PDF-}, {@code %!} (PostScript), ESC E,
     * the PJL escape or {@code @PJL} (PCL, or the PDF/PostScript a PJL header announces), mostly
     * printable bytes (text), else unknown.
     */
    public static DocumentFormat sniff(byte[] head, int length) {
        // on the bytes themselves, not a String of them: every job without a declared format comes here
        int end = Math.min(length, SNIFF_BYTES);
        int first = 0;
        while (first < end && Character.isWhitespace(head[first] & 0xFF)) {
            first++;
        }
        if (first < end && head[first] == 0x04) {
            first++;    // a DOS PostScript ^D
        }
        if (startsWith(head, first, end, PDF_MAGIC)) {
            return PDF;
        }
        if (startsWith(head, first, end, POSTSCRIPT_MAGIC)) {
            return POSTSCRIPT;
        }
        if (startsWith(head, 0, end, PCL_RESET) || startsWith(head, 0, end, PJL_ESCAPE)
                || startsWith(head, 0, end, PJL_COMMAND)) {
            return pjlLanguage(new String(head, 0, end, StandardCharsets.ISO_8859_1));
        }
        return length > 0 && looksLikeText(head, end) ? TEXT : UNKNOWN;
    }

    /** What a PCL or PJL start announces: PDF or PostScript by its ENTER LANGUAGE or magic, else PCL. */
    private static DocumentFormat pjlLanguage(String start) {
        String upper = start.toUpperCase(Locale.ROOT);
        if (upper.contains("LANGUAGE=PDF") || start.contains("%PDF-")) {
            return PDF;
        }
        if (upper.contains("LANGUAGE=POSTSCRIPT") || start.contains("%!PS")) {
            return POSTSCRIPT;
        }
        return PCL;
    }

    /** The MIME type without parameters, lower case: {@code "Text/Plain; charset=utf-8"} is {@code text/plain}. */
    private static String bareType(String declared) {
        int semicolon = declared.indexOf(';');   // no regex split: this runs twice per job
        return (semicolon < 0 ? declared : declared.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] bytes, int from, int end, byte[] prefix) {
        if (end - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeText(byte[] head, int end) {
        int control = 0;
        for (int i = 0; i < end; i++) {
            int c = head[i] & 0xFF;
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b || c == 0x7f) {
                control++;
            }
        }
        return control <= end * TEXT_MAX_CONTROL_SHARE;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
