package io.paperjam.server.lpd;

import io.paperjam.protocol.Protocol;
import io.paperjam.spool.JobHeader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an LPD control file (RFC 1179 section 7) that become job attributes: user
 * ({@code P}, else {@code L}), job name ({@code J}), class ({@code C}), host ({@code H}), and one
 * {@link Entry} per data file to print, with the source file name ({@code N}) that precedes it,
 * its format letter and its copies: one per print line naming it (how BSD lpr asks for copies),
 * or LPRng's {@code K} count when larger. Unknown lines are ignored, as RFC 1179 asks.
 *
 * @param jobClass the job's class, kept for the log (paperjam has no classes)
 */
record LpdControlFile(String host, String user, String jobName, String jobClass, List<Entry> entries) {

    /** The print-line letters of RFC 1179 (and LPRng's {@code z}): each names a data file to print. */
    private static final String PRINT_LETTERS = "cdfglnoprtvz";

    /** One data file the control file asks to print. */
    record Entry(String dataFile, char format, String sourceName, int copies) {
    }

    /** Reads a control file; never fails (a control file without print lines prints nothing). */
    static LpdControlFile parse(String text) {
        String host = null;
        String user = null;
        String banner = null;
        String jobName = null;
        String jobClass = null;
        String source = null;
        int copiesLine = 1;
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.length() < 2) {
                continue;
            }
            char letter = line.charAt(0);
            String value = line.substring(1).strip();
            switch (letter) {
                case 'H' -> host = value;
                case 'P' -> user = value;
                case 'L' -> banner = value;
                case 'J' -> jobName = value;
                case 'C' -> jobClass = value;
                case 'N' -> source = value;
                case 'K' -> copiesLine = parseCopies(value);
                default -> {
                    if (PRINT_LETTERS.indexOf(letter) >= 0 && !value.isEmpty()) {
                        Entry seen = entries.get(value);
                        int copies = seen == null ? 1 : seen.copies() + 1;
                        String name = seen == null ? source : seen.sourceName();
                        entries.put(value, new Entry(value, letter, name, copies));
                    }
                }
            }
        }
        List<Entry> list = new ArrayList<>();
        for (Entry e : entries.values()) {
            list.add(new Entry(e.dataFile(), e.format(), e.sourceName(), clampCopies(Math.max(e.copies(), copiesLine))));
        }
        return new LpdControlFile(host, user != null ? user : banner, jobName, jobClass, List.copyOf(list));
    }

    Optional<Entry> entry(String dataFile) {
        return entries.stream().filter(e -> e.dataFile().equals(dataFile)).findFirst();
    }

    /**
     * The spool header of one data file: named by {@code J} when the job has one file, else by the
     * file's {@code N}; the format only when the letter says PostScript (LPRng sends {@code f} for
     * everything, so other letters let the printer sniff the bytes).
     */
    JobHeader header(Entry entry, long declaredSize) {
        String name = entries.size() == 1 ? first(jobName, entry.sourceName(), entry.dataFile())
                : first(entry.sourceName(), jobName, entry.dataFile());
        String format = entry.format() == 'o' ? "application/postscript" : null;
        return new JobHeader(limit(name), format, entry.copies(), null, user == null ? null : limit(user),
                declaredSize > 0 ? declaredSize : -1, null);
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return "lpd job";
    }

    private static String limit(String text) {
        return text.length() <= Protocol.MAX_TEXT_LENGTH ? text : text.substring(0, Protocol.MAX_TEXT_LENGTH);
    }

    private static int parseCopies(String value) {
        try {
            return clampCopies(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static int clampCopies(int copies) {
        return Math.max(1, Math.min(copies, Protocol.MAX_COPIES));
    }
}
