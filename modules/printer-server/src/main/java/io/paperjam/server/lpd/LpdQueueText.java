package io.paperjam.server.lpd;

import io.paperjam.protocol.JobInfo;
import io.paperjam.protocol.JobStatus;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.Supplies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text an LPD queue-state request (RFC 1179 commands 3 and 4) is answered with, in the shape
 * BSD lpd uses so {@code lpq} users feel at home: a status line naming the printer's state and every
 * reason with what it means (so {@code paper-out} shows in {@code lpq}), the supplies, then the jobs
 * not yet finished with rank, owner, job number, file name and size. Operands select jobs by number
 * or by owner.
 */
final class LpdQueueText {

    /** Columns as BSD lpq has them, each followed by at least one space however long its value. */
    private static final String SHORT_ROW = "%-7s %-10s %-5s %-37s %s%n";

    private LpdQueueText() {
    }

    static String render(String queue, PrinterInfo printer, List<JobInfo> jobs, List<String> operands,
                         boolean longFormat) {
        StringBuilder text = new StringBuilder();
        text.append(statusLine(queue, printer)).append('\n');
        if (printer.supplies() != null) {
            text.append(suppliesLine(printer.supplies())).append('\n');
        }
        List<String[]> rows = rows(jobs, operands);
        if (rows.isEmpty()) {
            text.append("no entries\n");
            return text.toString();
        }
        if (!longFormat) {
            text.append(String.format(Locale.ROOT, SHORT_ROW, "Rank", "Owner", "Job", "File(s)", "Total Size"));
        }
        for (String[] row : rows) {
            if (longFormat) {
                text.append(String.format(Locale.ROOT, "%n%-40s[job %s]%n        %-32s%s%n        %s%n",
                        row[1] + ": " + row[0], row[2], row[3], row[4], row[5]));
            } else {
                text.append(String.format(Locale.ROOT, SHORT_ROW, row[0], row[1], row[2], row[3], row[4]));
            }
        }
        return text.toString();
    }

    static String statusLine(String queue, PrinterInfo printer) {
        StringBuilder line = new StringBuilder(queue).append(": paperjam is ")
                .append(printer.state().wire());
        if (printer.printing() != null) {
            line.append(", printing job ").append(printer.printing());
        }
        for (String reason : printer.reasons()) {
            String meaning = PrinterReason.fromWire(reason).map(PrinterReason::meaning).orElse(reason);
            line.append("; ").append(reason).append(": ").append(meaning);
        }
        return line.toString();
    }

    private static String suppliesLine(Supplies supplies) {
        StringBuilder line = new StringBuilder("supplies: ");
        if (supplies.paper() != null) {
            line.append("paper ").append(supplies.paper().sheets()).append(" of ")
                    .append(supplies.paper().capacity()).append(" sheets");
        }
        if (supplies.ink() != null) {
            for (Map.Entry<String, Integer> ink : supplies.ink().entrySet()) {
                line.append(", ").append(ink.getKey()).append(' ').append(ink.getValue()).append('%');
            }
        }
        return line.toString();
    }

    /** Rank, owner, job, file, size and detail of every selected job, in queue order. */
    private static List<String[]> rows(List<JobInfo> jobs, List<String> operands) {
        List<String[]> rows = new ArrayList<>();
        int pending = 0;
        for (JobInfo job : jobs) {
            if (job.state().isTerminal()) {
                continue;
            }
            String rank = rank(job.state(), job.state() == JobStatus.PENDING ? ++pending : 0);
            if (!selected(job, operands)) {
                continue;
            }
            String owner = job.user() == null || job.user().isBlank() ? "-" : job.user();
            rows.add(new String[] {rank, owner, Long.toString(job.id()), job.name(), job.size() + " bytes",
                    detail(job)});
        }
        return rows;
    }

    private static String rank(JobStatus state, int position) {
        return switch (state) {
            case PROCESSING -> "active";
            case PROCESSING_STOPPED -> "stopped";
            case PENDING_HELD -> "held";
            default -> ordinal(position);
        };
    }

    private static String detail(JobInfo job) {
        StringBuilder d = new StringBuilder(job.state().wire());
        if (job.reason() != null) {
            d.append(" (").append(job.reason()).append(')');
        }
        d.append(", ").append(job.pagesPrinted()).append(" of ")
                .append(job.pages() == null ? "?" : job.pages()).append(" pages printed");
        if (job.copies() > 1) {
            d.append(", ").append(job.copies()).append(" copies");
        }
        return d.toString();
    }

    private static boolean selected(JobInfo job, List<String> operands) {
        if (operands.isEmpty()) {
            return true;
        }
        for (String operand : operands) {
            if (operand.equals(Long.toString(job.id())) || operand.equals(job.user())) {
                return true;
            }
        }
        return false;
    }

    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
