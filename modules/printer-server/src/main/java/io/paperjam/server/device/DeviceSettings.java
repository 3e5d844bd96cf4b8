package io.paperjam.server.device;

import java.util.List;
import java.util.Objects;

/**
 * The simulated device's hardware: tray size, ink colours, speed and the thresholds of its
 * warnings.
 *
 * @param trayCapacity sheets a full paper tray holds
 * @param colours ink or toner colours, in the order status shows them (black only, or CMYK)
 * @param initialInkPercent how full every cartridge is on first start (a refill fills to 100)
 * @param ppm impressions (sheets) per minute; 0 prints instantly
 * @param lowPaperSheets the low-paper warning shows at or below this many sheets (and above 0)
 * @param lowInkPercent the low-ink warning shows at or below this percent (and above 0)
 * @param inkPerPagePercent percent of every colour one impression uses
 */
public record DeviceSettings(int trayCapacity, List<String> colours, int initialInkPercent, double ppm,
                             int lowPaperSheets, int lowInkPercent, double inkPerPagePercent) {

    /** Black only. */
    public static final List<String> MONO = List.of("black");
    /** Cyan, magenta, yellow and black, in the order printers show them. */
    public static final List<String> CMYK = List.of("cyan", "magenta", "yellow", "black");

    public DeviceSettings {
        if (trayCapacity < 1) {
            throw new IllegalArgumentException("tray capacity must be at least 1 sheet: " + trayCapacity);
        }
        Objects.requireNonNull(colours, "colours");
        colours = List.copyOf(colours);
        if (colours.isEmpty() || colours.stream().anyMatch(c -> c.isBlank())) {
            throw new IllegalArgumentException("the device needs at least one named ink colour: " + colours);
        }
        if (colours.stream().distinct().count() != colours.size()) {
            throw new IllegalArgumentException("ink colours must be distinct: " + colours);
        }
        if (initialInkPercent < 0 || initialInkPercent > 100) {
            throw new IllegalArgumentException("initial ink must be 0..100 percent: " + initialInkPercent);
        }
        if (!(ppm >= 0) || Double.isInfinite(ppm)) {
            throw new IllegalArgumentException("pages per minute must be 0 (instant) or positive: " + ppm);
        }
        if (lowPaperSheets < 0 || lowPaperSheets > trayCapacity) {
            throw new IllegalArgumentException("low-paper threshold must be 0.." + trayCapacity + " sheets: "
                    + lowPaperSheets);
        }
        if (lowInkPercent < 0 || lowInkPercent > 100) {
            throw new IllegalArgumentException("low-ink threshold must be 0..100 percent: " + lowInkPercent);
        }
        if (!(inkPerPagePercent >= 0) || inkPerPagePercent > 100) {
            throw new IllegalArgumentException("ink per page must be 0..100 percent: " + inkPerPagePercent);
        }
    }

    /** A 250-sheet tray, black ink, 20 pages per minute, warnings at 25 sheets and 15%, 0.1% ink a page. */
    public static DeviceSettings defaults() {
        return new DeviceSettings(250, MONO, 100, 20, 25, 15, 0.1);
    }

    /** How long one impression takes at this speed; zero when printing instantly. */
    public java.time.Duration sheetTime() {
        return ppm == 0 ? java.time.Duration.ZERO : java.time.Duration.ofNanos(Math.round(60e9 / ppm));
    }

    /** A tray of another size; the low-paper mark stays at most a tenth of it, so a full small tray is not "low". */
    public DeviceSettings withTrayCapacity(int newTrayCapacity) {
        return new DeviceSettings(newTrayCapacity, colours, initialInkPercent, ppm,
                Math.min(lowPaperSheets, newTrayCapacity / 10), lowInkPercent, inkPerPagePercent);
    }

    public DeviceSettings withColours(List<String> newColours) {
        return new DeviceSettings(trayCapacity, newColours, initialInkPercent, ppm, lowPaperSheets, lowInkPercent,
                inkPerPagePercent);
    }

    public DeviceSettings withInitialInkPercent(int newInitialInkPercent) {
        return new DeviceSettings(trayCapacity, colours, newInitialInkPercent, ppm, lowPaperSheets, lowInkPercent,
                inkPerPagePercent);
    }

    public DeviceSettings withPpm(double newPpm) {
        return new DeviceSettings(trayCapacity, colours, initialInkPercent, newPpm, lowPaperSheets, lowInkPercent,
                inkPerPagePercent);
    }

    public DeviceSettings withLowPaperSheets(int newLowPaperSheets) {
        return new DeviceSettings(trayCapacity, colours, initialInkPercent, ppm, newLowPaperSheets, lowInkPercent,
                inkPerPagePercent);
    }

    public DeviceSettings withLowInkPercent(int newLowInkPercent) {
        return new DeviceSettings(trayCapacity, colours, initialInkPercent, ppm, lowPaperSheets, newLowInkPercent,
                inkPerPagePercent);
    }

    public DeviceSettings withInkPerPagePercent(double newInkPerPagePercent) {
        return new DeviceSettings(trayCapacity, colours, initialInkPercent, ppm, lowPaperSheets, lowInkPercent,
                newInkPerPagePercent);
    }
}
