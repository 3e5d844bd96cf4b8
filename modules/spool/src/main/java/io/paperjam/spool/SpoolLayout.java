package io.paperjam.spool;

import java.nio.file.Path;
import java.util.OptionalLong;

/** Names every file and folder of a spool, so that no other class builds a path by hand. */
final class SpoolLayout {

    static final String MARKER = "paperjam-spool";
    static final String LOCK = "lock";
    static final String LAST_ID = "last-id";
    static final String HISTORY = "history.jsonl";
    static final String DEVICE_STATE = "printer.json";
    static final String TOKEN = "token";
    static final String TMP = "tmp";
    static final String CORRUPT = "corrupt";
    static final String JOURNAL = "journal";
    static final String JOURNAL_SUFFIX = ".log";
    static final String DATA_SUFFIX = ".data";
    static final String CONTROL_SUFFIX = ".json";

    private final Path root;

    SpoolLayout(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path tmp() {
        return root.resolve(TMP);
    }

    Path corrupt() {
        return root.resolve(CORRUPT);
    }

    Path journal() {
        return root.resolve(JOURNAL);
    }

    Path folder(JobState state) {
        return root.resolve(state.folder());
    }

    Path data(JobState state, long id) {
        return folder(state).resolve(name(id) + DATA_SUFFIX);
    }

    Path control(JobState state, long id) {
        return folder(state).resolve(name(id) + CONTROL_SUFFIX);
    }

    Path tmpData(long id) {
        return tmp().resolve(name(id) + DATA_SUFFIX);
    }

    Path tmpControl(long id) {
        return tmp().resolve(name(id) + CONTROL_SUFFIX);
    }

    Path marker() {
        return root.resolve(MARKER);
    }

    Path lock() {
        return root.resolve(LOCK);
    }

    Path lastId() {
        return root.resolve(LAST_ID);
    }

    Path history() {
        return root.resolve(HISTORY);
    }

    Path deviceState() {
        return root.resolve(DEVICE_STATE);
    }

    /** True for names the spool or the server keep in the root: never jobs, never anomalies. */
    static boolean isKnownRootEntry(String name) {
        switch (name) {
            case MARKER: case LOCK: case LAST_ID: case HISTORY: case DEVICE_STATE: case TOKEN:
            case TMP: case CORRUPT: case JOURNAL:
                return true;
            default:
                for (JobState s : JobState.values()) {
                    if (s.folder().equals(name)) {
                        return true;
                    }
                }
                return false;
        }
    }

    /** Zero-padded so that {@code ls} sorts by id: 42 becomes {@code 000000000042}. */
    static String name(long id) {
        String digits = Long.toString(id);
        return digits.length() >= 12 ? digits : "000000000000".substring(digits.length()) + digits;
    }

    /** The id of a job file named {@code <digits><suffix>}, if the name has that exact shape. */
    static OptionalLong idOf(String fileName, String suffix) {
        if (!fileName.endsWith(suffix)) {
            return OptionalLong.empty();
        }
        return leadingId(fileName.substring(0, fileName.length() - suffix.length()), true);
    }

    /** The id a file name starts with (e.g. a quarantined {@code 000000000042.json.1}), if any. */
    static OptionalLong leadingId(String fileName) {
        return leadingId(fileName, false);
    }

    private static OptionalLong leadingId(String text, boolean whole) {
        int end = 0;
        while (end < text.length() && end < 19 && Character.isDigit(text.charAt(end))) {
            end++;
        }
        if (end == 0 || (whole && end != text.length())) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(text.substring(0, end)));
    }
}
