package io.paperjam.client.cli;

import io.paperjam.protocol.Supplies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Draws supply levels as text gauges: {@code paper  [#####.....] 120/250 sheets}. */
final class Gauges {

    /** Characters inside the brackets. */
    static final int WIDTH = 10;

    private Gauges() {
    }

    static List<String> lines(Supplies supplies) {
        List<String> lines = new ArrayList<>();
        if (supplies == null) {
            return lines;
        }
        int labelWidth = "paper".length();
        Map<String, Integer> ink = supplies.ink() == null ? Map.of() : supplies.ink();
        for (String colour : ink.keySet()) {
            labelWidth = Math.max(labelWidth, colour.length());
        }
        if (supplies.paper() != null) {
            Supplies.Paper paper = supplies.paper();
            lines.add(pad("paper", labelWidth) + " " + bar(paper.sheets(), paper.capacity())
                    + " " + paper.sheets() + "/" + paper.capacity() + " sheets");
        }
        for (Map.Entry<String, Integer> entry : ink.entrySet()) {
            lines.add(pad(entry.getKey(), labelWidth) + " " + bar(entry.getValue(), 100) + " "
                    + entry.getValue() + "%");
        }
        return lines;
    }

    /** {@code [###.......]} for 3 of 10; never shows empty for a level above zero, nor full below the top. */
    static String bar(long value, long max) {
        int filled = max <= 0 ? 0 : (int) Math.round((double) Math.max(0, Math.min(value, max)) * WIDTH / max);
        if (value > 0 && filled == 0) {
            filled = 1;
        }
        if (value < max && filled == WIDTH) {
            filled = WIDTH - 1;
        }
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
