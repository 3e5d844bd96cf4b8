package io.paperjam.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a {@code fault} request does. */
public enum FaultAction {
    SET, CLEAR, LIST;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
