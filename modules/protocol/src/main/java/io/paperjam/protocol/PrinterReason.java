package io.paperjam.protocol;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why a printer is not simply idle: our friendly names on the wire and in the CLI, each mapped
 * to its IPP {@code printer-state-reasons} keyword (RFC 8011, PWG 5100.x).
 */
public enum PrinterReason {
    PAPER_OUT("paper-out", "media-empty", Severity.ERROR, "the paper tray is empty"),
    NO_INK("no-ink", "marker-supply-empty", Severity.ERROR, "an ink cartridge is empty"),
    PAPER_JAM("paper-jam", "media-jam", Severity.ERROR, "paper is jammed in the printer"),
    COVER_OPEN("cover-open", "door-open", Severity.ERROR, "a cover or door is open"),
    OFFLINE("offline", "offline", Severity.ERROR, "the printer is offline"),
    PAUSED("paused", "paused", Severity.REPORT, "an operator paused the printer"),
    LOW_PAPER("low-paper", "media-low", Severity.WARNING, "the paper tray is nearly empty"),
    LOW_INK("low-ink", "marker-supply-low", Severity.WARNING, "an ink cartridge is nearly empty");

    /** How bad a reason is; only errors stop the printer. */
    public enum Severity { ERROR, WARNING, REPORT }

    /** By wire name: replies look reasons up per acknowledgement. */
    private static final Map<String, PrinterReason> BY_WIRE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(PrinterReason::wire, reason -> reason));

    private final String wire;
    private final String ippKeyword;
    private final Severity severity;
    private final String meaning;

    PrinterReason(String wire, String ippKeyword, Severity severity, String meaning) {
        this.wire = wire;
        this.ippKeyword = ippKeyword;
        this.severity = severity;
        this.meaning = meaning;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public String ippKeyword() {
        return ippKeyword;
    }

    public Severity severity() {
        return severity;
    }

    public String meaning() {
        return meaning;
    }

    /** True for the faults an operator may set and clear: they stop the printer. */
    public boolean isFault() {
        return severity == Severity.ERROR;
    }

    public static Optional<PrinterReason> fromWire(String wire) {
        return wire == null ? Optional.empty() : Optional.ofNullable(BY_WIRE.get(wire));
    }

    @Override
    public String toString() {
        return wire;
    }
}
