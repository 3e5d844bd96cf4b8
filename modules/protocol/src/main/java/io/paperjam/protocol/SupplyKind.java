package io.paperjam.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which supply a refill fills. */
public enum SupplyKind {
    PAPER, INK, ALL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
