package io.paperjam.server.device;

import io.paperjam.protocol.PrinterReason;
import java.util.Locale;
import java.util.Objects;

/**
 * One fault of a fault plan's script, which fires once: {@code paper-jam@job=2,page=3} before
 * page 3 of job 2, {@code no-ink@page=40} before the 40th page printed since start,
 * {@code paper-out@sheets=100} once 100 sheets were printed since start, {@code cover-open@job=1}
 * when job 1 starts.
 *
 * @param fault the fault to set
 * @param job the job id it waits for, or null for any job
 * @param page the page: of that job when {@code job} is set, else counted since start; null
 *     when the trigger is {@code sheets}
 * @param sheets sheets printed since start after which it fires, or null
 */
public record ScriptedFault(PrinterReason fault, Long job, Integer page, Long sheets) {

    public ScriptedFault {
        Objects.requireNonNull(fault, "fault");
        if (!fault.isFault()) {
            throw new IllegalArgumentException(fault.wire() + " is not a fault");
        }
        if ((sheets == null) == (job == null && page == null)) {
            throw new IllegalArgumentException("a scripted fault needs job/page or sheets, not both");
        }
    }

    /**
     * Parses {@code <fault>@<trigger>[,<trigger>]}, triggers being {@code job=N}, {@code page=N}
     * and {@code sheets=N}; {@code sheets} stands alone.
     *
     * @throws IllegalArgumentException with a message that says what is wrong
     */
    public static ScriptedFault parse(String text) {
        String spec = text.strip().toLowerCase(Locale.ROOT);
        int at = spec.indexOf('@');
        if (at <= 0 || at == spec.length() - 1) {
            throw bad(text, "expected <fault>@<trigger>, for example paper-jam@job=2,page=3");
        }
        PrinterReason fault = PrinterReason.fromWire(spec.substring(0, at).strip())
                .filter(PrinterReason::isFault)
                .orElseThrow(() -> bad(text, "unknown fault '" + spec.substring(0, at).strip()
                        + "' (paper-out, no-ink, paper-jam, cover-open, offline)"));
        Long job = null;
        Integer page = null;
        Long sheets = null;
        for (String trigger : spec.substring(at + 1).split(",", -1)) {
            String[] kv = trigger.strip().split("=", -1);
            if (kv.length != 2) {
                throw bad(text, "trigger '" + trigger.strip() + "' is not key=value");
            }
            long n = positive(text, kv[0].strip(), kv[1].strip());
            switch (kv[0].strip()) {
                case "job" -> job = once(text, job, n);
                case "page" -> page = Math.toIntExact(once(text, page == null ? null : (long) page, n));
                case "sheets" -> sheets = once(text, sheets, n);
                default -> throw bad(text, "unknown trigger '" + kv[0].strip() + "' (job, page, sheets)");
            }
        }
        if (sheets != null && (job != null || page != null)) {
            throw bad(text, "sheets=N stands alone; it cannot be combined with job or page");
        }
        return new ScriptedFault(fault, job, page, sheets);
    }

    /** True when this fault fires before printing {@code pageOfJob} of job {@code jobId}. */
    public boolean firesBeforePage(long jobId, int pageOfJob, long pageSinceStart) {
        if (sheets != null) {
            return false;
        }
        if (job != null) {
            return job == jobId && pageOfJob == (page == null ? 1 : page);
        }
        return page == pageSinceStart;
    }

    /** True when this fault fires now that {@code sheetsSinceStart} sheets were printed. */
    public boolean firesAfterSheets(long sheetsSinceStart) {
        return sheets != null && sheetsSinceStart >= sheets;
    }

    @Override
    public String toString() {
        if (sheets != null) {
            return fault.wire() + "@sheets=" + sheets;
        }
        String when = (job != null ? "job=" + job : "") + (job != null && page != null ? "," : "")
                + (page != null ? "page=" + page : "");
        return fault.wire() + "@" + when;
    }

    private static long once(String text, Long previous, long value) {
        if (previous != null) {
            throw bad(text, "a trigger is given twice");
        }
        return value;
    }

    private static long positive(String text, String key, String value) {
        try {
            long n = Long.parseLong(value);
            if (n >= 1 && (!key.equals("page") || n <= Integer.MAX_VALUE)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the offending text
        }
        throw bad(text, key + " must be a whole number of at least 1, not '" + value + "'");
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("bad scripted fault '" + text + "': " + why);
    }
}
