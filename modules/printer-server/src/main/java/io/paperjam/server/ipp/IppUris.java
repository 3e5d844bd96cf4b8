package io.paperjam.server.ipp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The printer's and its jobs' URIs. They reflect the host and port the client used (its HTTP
 * {@code Host}), so a client that reached us as {@code localhost:6631} is told that name back.
 */
final class IppUris {

    /** The printer's resource; "/" is accepted too, as many clients print there. */
    static final String PRINTER_PATH = "/ipp/print";

    private static final Pattern JOB_PATH = Pattern.compile(PRINTER_PATH + "/jobs/(\\d{1,18})/?");
    /** A Host header we are willing to echo back: a name or address and an optional port, nothing else. */
    private static final Pattern SAFE_AUTHORITY = Pattern.compile("[A-Za-z0-9._\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.%a-z]+\\](:\\d{1,5})?");

    private IppUris() {
    }

    /** True for a Host value that may appear in a URI we return. */
    static boolean isSafeAuthority(String authority) {
        return authority != null && SAFE_AUTHORITY.matcher(authority).matches();
    }

    static URI printer(String authority) {
        return URI.create("ipp://" + authority + PRINTER_PATH);
    }

    static URI job(String authority, long id) {
        return URI.create("ipp://" + authority + PRINTER_PATH + "/jobs/" + id);
    }

    static URI moreInfo(String authority) {
        return URI.create("http://" + authority + "/");
    }

    /** True if an HTTP request path (or a printer-uri's path) names this printer or one of its jobs. */
    static boolean isPrinterPath(String path) {
        return path.isEmpty() || path.equals("/") || path.equals(PRINTER_PATH) || path.startsWith(PRINTER_PATH + "/");
    }

    static boolean isPrinterUri(String uri) {
        try {
            URI parsed = new URI(uri);
            String path = parsed.getRawPath() == null ? "" : parsed.getRawPath();
            return isPrinterPath(path);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The job id a job-uri names. */
    static long jobId(String jobUri) throws IppException {
        try {
            String path = new URI(jobUri).getRawPath();
            Matcher m = JOB_PATH.matcher(path == null ? "" : path);
            if (m.matches()) {
                return Long.parseLong(m.group(1));
            }
        } catch (URISyntaxException e) {
            throw IppException.badRequest("job-uri is not a URI: " + jobUri);
        }
        throw IppException.notFound("no job at " + jobUri);
    }
}
