package io.paperjam.server.device;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.paperjam.protocol.PrinterReason;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the device remembers across restarts, as stored in the spool's {@code printer.json}.
 *
 * @param version the format version, {@link #VERSION}
 * @param sheets sheets left in the tray
 * @param capacity the tray's capacity when saved (informational; settings win)
 * @param ink exact percent left per colour
 * @param faults faults set by an operator or the fault plan (supply faults follow from levels)
 * @param paused whether an operator paused the printer
 * @param sheetsPrinted impressions printed over the device's life
 * @param pagesPrinted pages printed over the device's life, copies counted once
 * @param jobsPrinted jobs completed over the device's life
 */
@JsonPropertyOrder({"version", "sheets", "capacity", "ink", "faults", "paused", "sheetsPrinted", "pagesPrinted",
    "jobsPrinted"})
public record DeviceState(int version, int sheets, int capacity, Map<String, Double> ink, List<PrinterReason> faults,
                          boolean paused, long sheetsPrinted, long pagesPrinted, long jobsPrinted) {

    /** The state file format this build writes and reads. */
    public static final int VERSION = 1;

    public DeviceState {
        ink = ink == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ink));
        faults = faults == null ? List.of() : List.copyOf(faults);
    }
}
