package io.paperjam.server.ipp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads the password out of an HTTP {@code Authorization: Basic} header (RFC 7617). */
final class BasicAuth {

    private static final String PREFIX = "basic ";

    private BasicAuth() {
    }

    /** The password, or null when the header is absent, not Basic, or malformed. */
    static String password(String authorization) {
        if (authorization == null || authorization.length() <= PREFIX.length()
                || !authorization.substring(0, PREFIX.length()).equalsIgnoreCase(PREFIX)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(PREFIX.length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
