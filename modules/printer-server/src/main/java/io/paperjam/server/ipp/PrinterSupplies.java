package io.paperjam.server.ipp;

import com.hp.jipp.encoding.Attribute;
import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.Supplies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The device's ink and paper as IPP supply attributes: the marker-* set CUPS shows, printer-supply
 * (PWG 5100.13's octetString form) and printer-input-tray (PWG 5100.13).
 */
final class PrinterSupplies {

    private static final Map<String, String> COLOUR_HEX = Map.of(
            "black", "#000000", "cyan", "#00FFFF", "magenta", "#FF00FF", "yellow", "#FFFF00");
    private static final int HIGH_LEVEL = 100;

    private final int lowInkPercent;

    PrinterSupplies(int lowInkPercent) {
        this.lowInkPercent = lowInkPercent;
    }

    boolean isColour(PrinterInfo status) {
        Supplies supplies = status.supplies();
        return supplies != null && supplies.ink() != null && supplies.ink().size() > 1;
    }

    List<Attribute<?>> attributes(PrinterInfo status) {
        Supplies supplies = status.supplies();
        if (supplies == null) {
            return List.of();
        }
        List<Attribute<?>> a = new ArrayList<>();
        Map<String, Integer> ink = supplies.ink() == null ? Map.of() : supplies.ink();
        if (!ink.isEmpty()) {
            List<String> colours = new ArrayList<>(ink.keySet());
            a.add(IppAttrs.name("marker-names", colours.stream().map(PrinterSupplies::markerName).toArray(String[]::new)));
            a.add(IppAttrs.name("marker-colors", colours.stream().map(PrinterSupplies::hex).toArray(String[]::new)));
            a.add(IppAttrs.keywords("marker-types", colours.stream().map(c -> "ink-cartridge").toList()));
            a.add(IppAttrs.integer("marker-levels", colours.stream().mapToInt(c -> clamp(ink.get(c))).toArray()));
            a.add(IppAttrs.integer("marker-low-levels", colours.stream().mapToInt(c -> lowInkPercent).toArray()));
            a.add(IppAttrs.integer("marker-high-levels", colours.stream().mapToInt(c -> HIGH_LEVEL).toArray()));
            List<String> supply = new ArrayList<>();
            for (int i = 0; i < colours.size(); i++) {
                String colour = colours.get(i);
                supply.add("index=" + (i + 1) + ";class=supplyThatIsConsumed;type=ink;unit=percent;maxcapacity=100;level="
                        + clamp(ink.get(colour)) + ";colorantname=" + colour.toLowerCase(Locale.ROOT) + ";");
            }
            a.add(IppAttrs.octets("printer-supply", supply));
            a.add(IppAttrs.text("printer-supply-description",
                    colours.stream().map(PrinterSupplies::markerName).toArray(String[]::new)));
        }
        Supplies.Paper paper = supplies.paper();
        if (paper != null) {
            a.add(IppAttrs.octets("printer-input-tray", List.of("type=sheetFeedAutoNonRemovableTray;mediafeed=0;"
                    + "mediaxfeed=0;maxcapacity=" + paper.capacity() + ";level=" + paper.sheets()
                    + ";status=0;name=main;")));
        }
        return a;
    }

    private static String markerName(String colour) {
        String lower = colour.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1) + " ink";
    }

    private static String hex(String colour) {
        return COLOUR_HEX.getOrDefault(colour.toLowerCase(Locale.ROOT), "none");
    }

    private static int clamp(Integer level) {
        return level == null ? -2 : Math.max(0, Math.min(HIGH_LEVEL, level));
    }
}
