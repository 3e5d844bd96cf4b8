package io.paperjam.server.ipp;

import java.util.List;
import java.util.Locale;

/** The document formats the IPP door accepts; the device counts pages for each of them. */
final class IppFormats {

    static final String OCTET_STREAM = "application/octet-stream";

    /** document-format-supported, in the order it is listed. */
    static final List<String> SUPPORTED = List.of("application/pdf", "application/postscript", "application/vnd.hp-pcl",
            "image/pwg-raster", "text/plain", OCTET_STREAM);

    private IppFormats() {
    }

    /** True if {@code mimeType} (parameters such as ;charset= ignored) is one we take. */
    static boolean isSupported(String mimeType) {
        return SUPPORTED.contains(bare(mimeType));
    }

    /** The format without parameters, lower case. */
    static String bare(String mimeType) {
        int semicolon = mimeType.indexOf(';');
        String type = semicolon < 0 ? mimeType : mimeType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }
}
