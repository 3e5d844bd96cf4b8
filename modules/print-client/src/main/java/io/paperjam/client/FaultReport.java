package io.paperjam.client;

import io.paperjam.protocol.PrinterInfo;
import java.util.List;

/**
 * The answer to a fault request.
 *
 * @param faults the faults active now, by wire name (paper-out, ...)
 * @param printer the printer's state after the request, or null if the reply had none
 */
public record FaultReport(List<String> faults, PrinterInfo printer) {

    public FaultReport {
        faults = faults == null ? List.of() : List.copyOf(faults);
    }
}
