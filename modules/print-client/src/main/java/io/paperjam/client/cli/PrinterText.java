package io.paperjam.client.cli;

import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.PrinterState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Says in one line what state a printer is in and why, e.g. {@code printer stopped: paper-out (the paper tray is empty)}. */
final class PrinterText {

    private PrinterText() {
    }

    static String describe(PrinterInfo printer) {
        if (printer == null) {
            return "printer state unknown";
        }
        StringBuilder text = new StringBuilder("printer ").append(printer.state().wire());
        List<String> stops = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String wire : reasons(printer)) {
            Optional<PrinterReason> reason = PrinterReason.fromWire(wire);
            String explained = reason.map(r -> wire + " (" + r.meaning() + ")").orElse(wire);
            if (reason.isPresent() && reason.get().severity() == PrinterReason.Severity.WARNING) {
                warnings.add(explained);
            } else {
                stops.add(explained);
            }
        }
        if (printer.state() == PrinterState.PROCESSING && printer.printing() != null) {
            text.append(" job ").append(printer.printing());
        }
        if (!stops.isEmpty()) {
            text.append(": ").append(String.join(", ", stops));
        }
        if (!warnings.isEmpty()) {
            text.append(stops.isEmpty() ? ": " : "; ").append("warning ").append(String.join(", ", warnings));
        }
        return text.toString();
    }

    /** True when the printer's message only says "reason: meaning" again, which {@link #describe} already shows. */
    static boolean restates(PrinterInfo printer) {
        String message = printer.message();
        return message != null && reasons(printer).stream().anyMatch(wire -> PrinterReason.fromWire(wire)
                .map(r -> message.equals(wire + ": " + r.meaning())).orElse(false));
    }

    static boolean stopped(PrinterInfo printer) {
        return printer != null && printer.state() == PrinterState.STOPPED;
    }

    /** The exit status a command reports about the printer it just talked to. */
    static int status(PrinterInfo printer) {
        return stopped(printer) ? ExitCodes.PRINTER_STOPPED : ExitCodes.OK;
    }

    /** A job or printer reason with its meaning, e.g. {@code paper-out (the paper tray is empty)}. */
    static String reason(String wire) {
        if (wire == null) {
            return "";
        }
        return PrinterReason.fromWire(wire).map(r -> wire + " (" + r.meaning() + ")").orElse(wire);
    }

    private static List<String> reasons(PrinterInfo printer) {
        return printer.reasons() == null ? List.of() : printer.reasons();
    }
}
