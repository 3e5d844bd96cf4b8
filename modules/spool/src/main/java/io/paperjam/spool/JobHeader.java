package io.paperjam.spool;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a submitter tells the spool about a job before its document bytes arrive.
 *
 * @param name           the job's name (required, e.g. the file name)
 * @param format         document format, e.g. a MIME type (nullable)
 * @param copies         number of copies, at least 1
 * @param pages          page count if known up front, else {@code null}
 * @param user           the submitting user (nullable)
 * @param declaredSize   the document size in bytes if known up front, else {@code -1}
 * @param declaredSha256 the document's SHA-256 in lower-case hex if the writer declared one, else {@code null}
 */
public record JobHeader(String name, String format, int copies, Integer pages, String user,
                        long declaredSize, String declaredSha256) {

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    public JobHeader {
        Objects.requireNonNull(name, "name");
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1: " + copies);
        }
        if (pages != null && pages < 0) {
            throw new IllegalArgumentException("pages must not be negative: " + pages);
        }
        if (declaredSize < -1) {
            throw new IllegalArgumentException("declaredSize must be -1 (unknown) or >= 0: " + declaredSize);
        }
        if (declaredSha256 != null) {
            declaredSha256 = declaredSha256.toLowerCase(Locale.ROOT);
            if (!HEX_SHA256.matcher(declaredSha256).matches()) {
                throw new IllegalArgumentException("declaredSha256 must be 64 hex digits: " + declaredSha256);
            }
        }
    }

    /** A header with only a name: format unknown, one copy, size and checksum not declared. */
    public static JobHeader of(String name) {
        return new JobHeader(name, null, 1, null, null, -1, null);
    }

    public JobHeader withFormat(String newFormat) {
        return new JobHeader(name, newFormat, copies, pages, user, declaredSize, declaredSha256);
    }

    public JobHeader withCopies(int newCopies) {
        return new JobHeader(name, format, newCopies, pages, user, declaredSize, declaredSha256);
    }

    public JobHeader withPages(Integer newPages) {
        return new JobHeader(name, format, copies, newPages, user, declaredSize, declaredSha256);
    }

    public JobHeader withUser(String newUser) {
        return new JobHeader(name, format, copies, pages, newUser, declaredSize, declaredSha256);
    }

    public JobHeader withDeclaredSize(long newDeclaredSize) {
        return new JobHeader(name, format, copies, pages, user, newDeclaredSize, declaredSha256);
    }

    public JobHeader withDeclaredSha256(String newDeclaredSha256) {
        return new JobHeader(name, format, copies, pages, user, declaredSize, newDeclaredSha256);
    }
}
