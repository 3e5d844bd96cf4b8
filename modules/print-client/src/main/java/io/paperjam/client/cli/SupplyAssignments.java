package io.paperjam.client.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code paper=N ink=P ink.black=P black=P} into a sheet count and ink levels, where
 * {@code ink=P} sets every colour (key "*") and a bare colour name sets that colour.
 */
final class SupplyAssignments {

    private static final Pattern ASSIGNMENT = Pattern.compile("([a-z][a-z0-9.-]*)=(\\d{1,9})");
    private static final Pattern COLOUR = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    Integer paper;
    final Map<String, Integer> ink = new LinkedHashMap<>();

    static SupplyAssignments parse(List<String> words) throws CliException {
        SupplyAssignments result = new SupplyAssignments();
        for (String word : words) {
            Matcher m = ASSIGNMENT.matcher(word.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw usage("'" + word + "' is not NAME=NUMBER");
            }
            String key = m.group(1);
            int value = Integer.parseInt(m.group(2));
            if (key.equals("paper")) {
                result.paper = value;
                continue;
            }
            String colour = key.equals("ink") ? "*" : key.startsWith("ink.") ? key.substring(4) : key;
            if (!colour.equals("*") && !COLOUR.matcher(colour).matches()) {
                throw usage("'" + key + "' is not paper, ink, ink.COLOUR or a colour name");
            }
            if (value > 100) {
                throw usage(key + " is a percentage: 0 to 100");
            }
            result.ink.put(colour, value);
        }
        if (result.paper == null && result.ink.isEmpty()) {
            throw usage("say what to set, e.g. paper=100 ink=80 black=50");
        }
        return result;
    }

    private static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }
}
