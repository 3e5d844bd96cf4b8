package io.paperjam.server.net;

import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.PrinterState;

/** The human sentences replies use to say why the printer is not printing. */
final class PrinterMessages {

    private PrinterMessages() {
    }

    /**
     * "the printer is stopped: paper-out (the paper tray is empty)", naming every reason that
     * stops it (not the warnings), or null when the printer is not stopped.
     */
    static String stopped(PrinterInfo printer) {
        if (printer.state() != PrinterState.STOPPED) {
            return null;
        }
        StringBuilder text = new StringBuilder("the printer is stopped");    // per reply to a submit: no streams
        String separator = ": ";
        for (String name : printer.reasons()) {
            PrinterReason reason = PrinterReason.fromWire(name).orElse(null);
            if (reason != null && reason.severity() != PrinterReason.Severity.WARNING) {
                text.append(separator).append(reason.wire()).append(" (").append(reason.meaning()).append(')');
                separator = ", ";
            }
        }
        return text.toString();
    }

    /** The message of a submit reply: null when all is well, else "queued; the printer is stopped: ...". */
    static String queued(PrinterInfo printer) {
        String stopped = stopped(printer);
        return stopped == null ? null : "queued; " + stopped;
    }

    /** The message of a submit refused under the reject policy because of {@code fault}. */
    static String refused(PrinterReason fault) {
        return "the printer is stopped: " + fault.wire() + " (" + fault.meaning() + "); nothing was queued";
    }
}
