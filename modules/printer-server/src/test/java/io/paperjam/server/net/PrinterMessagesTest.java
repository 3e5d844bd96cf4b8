package io.paperjam.server.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentence a submit's reply carries names every reason that stops the printer, warnings left out. */
class PrinterMessagesTest {

    @Test
    void queuedOnAStoppedPrinterNamesWhatStopsIt() {
        assertEquals("queued; the printer is stopped: paper-out (the paper tray is empty), "
                        + "paused (an operator paused the printer)",
                PrinterMessages.queued(printer(PrinterState.STOPPED, "low-ink", "paper-out", "paused", "low-paper")));
        assertEquals("queued; the printer is stopped", PrinterMessages.queued(printer(PrinterState.STOPPED, "low-ink")));
        assertEquals("queued; the printer is stopped", PrinterMessages.queued(printer(PrinterState.STOPPED, "no-such")));
    }

    @Test
    void queuedOnAWorkingPrinterSaysNothing() {
        assertNull(PrinterMessages.queued(printer(PrinterState.IDLE, "low-ink")));
        assertNull(PrinterMessages.queued(printer(PrinterState.PROCESSING)));
    }

    private static PrinterInfo printer(PrinterState state, String... reasons) {
        return new PrinterInfo(state, List.of(reasons), null, null, 0, null);
    }
}
