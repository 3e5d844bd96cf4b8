package io.paperjam.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a {@code supplies} request does. */
public enum SuppliesAction {
    REFILL, SET;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
