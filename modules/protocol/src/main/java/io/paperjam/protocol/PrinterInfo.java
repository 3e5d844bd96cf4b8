package io.paperjam.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The printer as replies and events describe it.
 *
 * @param reasons friendly reason names ({@code paper-out}, {@code low-ink}, ...), errors first
 * @param message a human sentence saying what is wrong, or null when nothing is
 * @param queued jobs waiting, not counting the one printing
 * @param printing the id of the job on the device, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"state", "reasons", "message", "supplies", "queued", "printing"})
public record PrinterInfo(
        PrinterState state,
        List<String> reasons,
        String message,
        Supplies supplies,
        int queued,
        Long printing) {
}
