package io.paperjam.server.device;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ink or toner per colour, kept in thousandths of a percent so that a thousand pages at 0.1%
 * empty a cartridge exactly, with no floating-point crumbs left over.
 */
final class InkSupply {

    static final int FULL = 100_000;
    private static final String EVERY_COLOUR = "*";

    private final Map<String, Integer> levels = new LinkedHashMap<>();

    InkSupply(List<String> colours, int initialPercent) {
        for (String colour : colours) {
            levels.put(colour, initialPercent * 1000);
        }
    }

    /** Restores a saved level (percent, fractions kept) for a colour this device still has. */
    void restore(String colour, double percent) {
        if (levels.containsKey(colour) && percent >= 0 && percent <= 100) {
            levels.put(colour, (int) Math.round(percent * 1000));
        }
    }

    /** Percent left per colour, rounded up so that only a truly empty cartridge shows 0. */
    Map<String, Integer> percentages() {
        Map<String, Integer> out = new LinkedHashMap<>();
        levels.forEach((colour, milli) -> out.put(colour, shownPercent(milli)));
        return Collections.unmodifiableMap(out);
    }

    /** A level as the whole percent shown for it: rounded up, so only a truly empty cartridge shows 0. */
    private static int shownPercent(int milli) {
        return (milli + 999) / 1000;
    }

    /** Exact levels in percent, for the state file. */
    Map<String, Double> exact() {
        Map<String, Double> out = new LinkedHashMap<>();
        levels.forEach((colour, milli) -> out.put(colour, milli / 1000.0));
        return out;
    }

    boolean anyEmpty() {
        return levels.containsValue(0);
    }

    boolean anyAtOrBelow(int percent) {
        for (int milli : levels.values()) {   // every status and acknowledgement asks: no map built for it
            int shown = shownPercent(milli);
            if (shown > 0 && shown <= percent) {
                return true;
            }
        }
        return false;
    }

    void fill() {
        levels.replaceAll((colour, milli) -> FULL);
    }

    /** Sets the given colours ({@code *} = every colour) to whole percents. */
    void set(Map<String, Integer> percent) {
        for (Map.Entry<String, Integer> e : percent.entrySet()) {
            if (!e.getKey().equals(EVERY_COLOUR) && !levels.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown ink colour '" + e.getKey() + "'; this printer has "
                        + String.join(", ", levels.keySet()));
            }
            if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 100) {
                throw new IllegalArgumentException("ink must be 0..100 percent, not " + e.getValue() + " for "
                        + e.getKey());
            }
        }
        Integer every = percent.get(EVERY_COLOUR);
        if (every != null) {
            levels.replaceAll((colour, milli) -> every * 1000);
        }
        percent.forEach((colour, value) -> {
            if (!colour.equals(EVERY_COLOUR)) {
                levels.put(colour, value * 1000);
            }
        });
    }

    /** One impression: every colour loses {@code milliPercent}, never below empty. */
    void use(int milliPercent) {
        levels.replaceAll((colour, milli) -> Math.max(0, milli - milliPercent));
    }
}
