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
        String type = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
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
        String type = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.equals("auto") || type.equals(UNKNOWN.mimeType);
    }

    /**
     * The format the first bytes show: {@code %PDF-}, {@code %!} (PostScript), ESC E,
     * the PJL escape or {@code @PJL} (PCL, or the PDF/PostScript a PJL header announces), mostly
     * printable bytes (text), else unknown.
     */
    public static DocumentFormat sniff(byte[] head, int length) {
        String start = new String(head, 0, Math.min(length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        String stripped = start.stripLeading();
        String trimmed = stripped.startsWith("\u0004") ? stripped.substring(1) : stripped; // a DOS PostScript ^D
        if (trimmed.startsWith("%PDF-")) {
            return PDF;
        }
        if (trimmed.startsWith("%!")) {
            return POSTSCRIPT;
        }
        if (start.startsWith("\u001bE") || start.startsWith("\u001b%-12345X") || start.startsWith("@PJL")) {
            String upper = start.toUpperCase(Locale.ROOT);
            if (upper.contains("LANGUAGE=PDF") || start.contains("%PDF-")) {
                return PDF;
            }
            if (upper.contains("LANGUAGE=POSTSCRIPT") || start.contains("%!PS")) {
                return POSTSCRIPT;
            }
            return PCL;
        }
        return length > 0 && looksLikeText(start) ? TEXT : UNKNOWN;
    }

    private static boolean looksLikeText(String start) {
        int control = 0;
        for (int i = 0; i < start.length(); i++) {
            char c = start.charAt(i);
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b || c == 0x7f) {
                control++;
            }
        }
        return control <= start.length() * TEXT_MAX_CONTROL_SHARE;
    }
}
