package io.paperjam.server.device;

import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.Supplies;
import io.paperjam.protocol.SupplyKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated printer hardware: a paper tray, ink per colour, the faults set on it, the pause
 * switch and its lifetime counters. Each impression takes one sheet and some of every colour; an
 * empty tray is {@code paper-out} and an empty cartridge {@code no-ink} until refilled.
 *
 * <p>Plain state with no threads, clock or files; {@code Printer} guards it with its lock and
 * saves {@link #snapshot()} after every change.
 */
public final class Device {

    private final DeviceSettings settings;
    private final PaperTray tray;
    private final InkSupply ink;
    private final Set<PrinterReason> setFaults = EnumSet.noneOf(PrinterReason.class);
    private final int inkPerSheet;
    private boolean paused;
    private long sheetsPrinted;
    private long pagesPrinted;
    private long jobsPrinted;

    private Device(DeviceSettings settings, int sheets) {
        this.settings = settings;
        this.tray = new PaperTray(settings.trayCapacity(), sheets);
        this.ink = new InkSupply(settings.colours(), settings.initialInkPercent());
        this.inkPerSheet = (int) Math.round(settings.inkPerPagePercent() * 1000);
    }

    /** A device fresh from the box: a full tray and cartridges at the initial level. */
    public static Device fresh(DeviceSettings settings) {
        return new Device(settings, settings.trayCapacity());
    }

    /**
     * The device as it was saved, fitted to today's settings: sheets beyond a smaller tray are
     * dropped, a colour the settings no longer name is forgotten, a new colour starts at the
     * initial level.
     */
    public static Device restore(DeviceSettings settings, DeviceState saved) {
        Device device = new Device(settings, saved.sheets());
        saved.ink().forEach(device.ink::restore);
        saved.faults().stream().filter(r -> r != null && r.isFault()).forEach(device.setFaults::add);
        device.paused = saved.paused();
        device.sheetsPrinted = Math.max(0, saved.sheetsPrinted());
        device.pagesPrinted = Math.max(0, saved.pagesPrinted());
        device.jobsPrinted = Math.max(0, saved.jobsPrinted());
        return device;
    }

    public DeviceState snapshot() {
        return new DeviceState(DeviceState.VERSION, tray.sheets(), tray.capacity(), ink.exact(),
                List.copyOf(setFaults), paused, sheetsPrinted, pagesPrinted, jobsPrinted);
    }

    public DeviceSettings settings() {
        return settings;
    }

    /** Active faults, in the order of {@link PrinterReason}: set ones and empty supplies. */
    public List<PrinterReason> faults() {
        Set<PrinterReason> all = EnumSet.noneOf(PrinterReason.class);
        all.addAll(setFaults);
        if (tray.empty()) {
            all.add(PrinterReason.PAPER_OUT);
        }
        if (ink.anyEmpty()) {
            all.add(PrinterReason.NO_INK);
        }
        return List.copyOf(all);
    }

    /** Every reason: faults first, then {@code paused}, then warnings. */
    public List<PrinterReason> reasons() {
        List<PrinterReason> reasons = new ArrayList<>(faults());
        if (paused) {
            reasons.add(PrinterReason.PAUSED);
        }
        if (tray.sheets() > 0 && tray.sheets() <= settings.lowPaperSheets()) {
            reasons.add(PrinterReason.LOW_PAPER);
        }
        if (ink.anyAtOrBelow(settings.lowInkPercent())) {
            reasons.add(PrinterReason.LOW_INK);
        }
        return List.copyOf(reasons);
    }

    /** What keeps the device from printing the next sheet: the first fault, else a pause. */
    public Optional<PrinterReason> blocker() {
        List<PrinterReason> faults = faults();
        if (!faults.isEmpty()) {
            return Optional.of(faults.get(0));
        }
        return paused ? Optional.of(PrinterReason.PAUSED) : Optional.empty();
    }

    public boolean ready() {
        return blocker().isEmpty();
    }

    /** Sets a fault as an operator or the fault plan does; it stays until cleared (or refilled). */
    public void setFault(PrinterReason fault) {
        if (!fault.isFault()) {
            throw new IllegalArgumentException(fault.wire() + " is not a fault that can be set");
        }
        setFaults.add(fault);
    }

    /** Clears a set fault; an empty supply keeps its fault until it is refilled. */
    public void clearFault(PrinterReason fault) {
        setFaults.remove(fault);
    }

    public void clearAllFaults() {
        setFaults.clear();
    }

    public boolean paused() {
        return paused;
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    /** Fills the tray, the cartridges or both; a refill also clears the matching set fault. */
    public void refill(SupplyKind what) {
        if (what != SupplyKind.INK) {
            tray.fill();
            setFaults.remove(PrinterReason.PAPER_OUT);
        }
        if (what != SupplyKind.PAPER) {
            ink.fill();
            setFaults.remove(PrinterReason.NO_INK);
        }
    }

    /**
     * Sets supply levels; null leaves a supply alone, ink key {@code *} means every colour. Setting
     * a supply above zero counts as a refill for its set fault.
     *
     * @throws IllegalArgumentException for a level out of range or an unknown colour; nothing changes
     */
    public void setSupplies(Integer paperSheets, Map<String, Integer> inkPercent) {
        if (paperSheets != null && (paperSheets < 0 || paperSheets > tray.capacity())) {
            tray.set(paperSheets); // throws with the message
        }
        if (inkPercent != null && !inkPercent.isEmpty()) {
            ink.set(inkPercent);
            if (inkPercent.values().stream().anyMatch(v -> v > 0)) {
                setFaults.remove(PrinterReason.NO_INK);
            }
        }
        if (paperSheets != null) {
            tray.set(paperSheets);
            if (paperSheets > 0) {
                setFaults.remove(PrinterReason.PAPER_OUT);
            }
        }
    }

    /**
     * Prints one impression: one sheet and {@code inkPerPagePercent} of every colour. The caller
     * checked {@link #ready()} before the sheet started; a fault set while it was in the printer
     * does not undo it, but a tray emptied meanwhile leaves nothing to print on.
     *
     * @return false when the tray is empty and no sheet was printed
     */
    public boolean printSheet() {
        if (tray.empty()) {
            return false;
        }
        tray.take();
        ink.use(inkPerSheet);
        sheetsPrinted++;
        return true;
    }

    /** Counts a page whose every copy came out. */
    public void pagePrinted() {
        pagesPrinted++;
    }

    /** Counts a completed job. */
    public void jobPrinted() {
        jobsPrinted++;
    }

    public Supplies supplies() {
        return new Supplies(new Supplies.Paper(tray.sheets(), tray.capacity()), ink.percentages());
    }

    public long sheetsPrinted() {
        return sheetsPrinted;
    }

    public long pagesPrinted() {
        return pagesPrinted;
    }

    public long jobsPrinted() {
        return jobsPrinted;
    }
}
