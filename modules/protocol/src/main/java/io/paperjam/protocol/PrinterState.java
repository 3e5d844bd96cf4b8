package io.paperjam.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

/** The printer's state, as IPP's {@code printer-state}. */
public enum PrinterState {
    IDLE("idle"),
    PROCESSING("processing"),
    STOPPED("stopped");

    private final String wire;

    PrinterState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
