package io.paperjam.spool;

import java.nio.file.Path;

/**
 * Something in a spool folder that is not a healthy job.
 *
 * @param kind   one of {@code orphan-data}, {@code orphan-control}, {@code corrupt-control}, {@code tmp-leftover},
 *               {@code quarantined}, {@code unexpected-file}
 * @param path   the file concerned
 * @param detail a human explanation
 */
public record Anomaly(String kind, Path path, String detail) {

    public static final String ORPHAN_DATA = "orphan-data";
    public static final String ORPHAN_CONTROL = "orphan-control";
    public static final String CORRUPT_CONTROL = "corrupt-control";
    public static final String TMP_LEFTOVER = "tmp-leftover";
    public static final String QUARANTINED = "quarantined";
    public static final String UNEXPECTED_FILE = "unexpected-file";
}
