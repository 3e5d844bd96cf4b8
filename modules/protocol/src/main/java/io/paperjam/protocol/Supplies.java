package io.paperjam.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * What the device has left: sheets in the tray and ink per colour in percent.
 *
 * @param ink percent left per colour, in the device's colour order (for example black, cyan,
 *     magenta, yellow)
 */
@JsonPropertyOrder({"paper", "ink"})
public record Supplies(Paper paper, Map<String, Integer> ink) {

    /** The paper tray: sheets left of its capacity. */
    @JsonPropertyOrder({"sheets", "capacity"})
    public record Paper(int sheets, int capacity) {
    }
}
