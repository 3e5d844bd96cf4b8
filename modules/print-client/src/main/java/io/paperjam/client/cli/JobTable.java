package io.paperjam.client.cli;

import io.paperjam.protocol.JobInfo;
import java.util.ArrayList;
import java.util.List;

/** Lays jobs out as an aligned text table: id, state, name, user, pages printed/pages, size, reason. */
final class JobTable {

    private static final String[] HEADER = {"ID", "STATE", "NAME", "USER", "PAGES", "SIZE", "REASON"};
    /** Longer names are cut so one job stays on one line. */
    static final int MAX_NAME = 32;

    private JobTable() {
    }

    static List<String> render(List<JobInfo> jobs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (JobInfo job : jobs) {
            rows.add(new String[] {
                Long.toString(job.id()),
                job.state() == null ? "?" : job.state().wire(),
                cut(job.name()),
                job.user() == null ? "-" : job.user(),
                job.pagesPrinted() + "/" + (job.pages() == null ? "?" : job.pages()),
                Sizes.human(job.size()),
                job.reason() == null ? "" : job.reason()});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean last = i == row.length - 1;
                line.append(last ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static String cut(String name) {
        if (name == null) {
            return "-";
        }
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 3) + "...";
    }
}
