package io.paperjam.spool;

import java.nio.file.Path;

/**
 * Something in a spool folder that is not a healthy job.
 *
 * @param kind   one of {@code orphan-data}, {@code orphan-control}, {@code corrupt-control}, {@code tmp-leftover},
 *               {@code quarantined}, {@code unexpected-file}, {@code journal-torn-tail}, {@code journal-corrupt}
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
    /** The newest journal segment ends in a partial or damaged record (a crash during an unacknowledged append). */
    public static final String JOURNAL_TORN_TAIL = "journal-torn-tail";
    /** A damaged record in an older journal segment: not explained by a crash. */
    public static final String JOURNAL_CORRUPT = "journal-corrupt";
}
