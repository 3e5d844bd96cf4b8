package io.paperjam.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paperjam.protocol.PrinterInfo;
import io.paperjam.protocol.PrinterState;
import io.paperjam.protocol.Supplies;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Supply assignments, gauges, printer lines and the progress bar, each on its own. */
class SmallPartsTest {

    @Test
    void supplyAssignmentsAcceptEverySpelling() throws Exception {
        SupplyAssignments a = SupplyAssignments.parse(List.of("paper=10", "ink=80", "ink.cyan=5", "black=0"));
        assertEquals(10, a.paper);
        assertEquals(Map.of("*", 80, "cyan", 5, "black", 0), a.ink);
        assertNull(SupplyAssignments.parse(List.of("ink=1")).paper);
        for (String bad : List.of("paper", "paper=-1", "ink=101", "ink.=5", "=3")) {
            CliException e = assertThrows(CliException.class, () -> SupplyAssignments.parse(List.of(bad)), bad);
            assertEquals(ExitCodes.USAGE, e.status());
        }
    }

    @Test
    void gaugesNeverLieAtTheEdges() {
        assertEquals("[..........]", Gauges.bar(0, 250));
        assertEquals("[#.........]", Gauges.bar(1, 250), "almost empty still shows something");
        assertEquals("[#########.]", Gauges.bar(249, 250), "almost full is not full");
        assertEquals("[##########]", Gauges.bar(250, 250));
        assertEquals(List.of("paper   [#####.....] 125/250 sheets", "magenta [########..] 80%"),
                Gauges.lines(new Supplies(new Supplies.Paper(125, 250), Map.of("magenta", 80))));
    }

    @Test
    void printerLineNamesStopsAndWarningsWithTheirMeaning() {
        PrinterInfo stopped = new PrinterInfo(PrinterState.STOPPED, List.of("paper-out", "low-ink"), null, null, 0, null);
        assertEquals("printer stopped: paper-out (the paper tray is empty); warning low-ink (an ink cartridge is nearly empty)",
                PrinterText.describe(stopped));
        PrinterInfo busy = new PrinterInfo(PrinterState.PROCESSING, List.of(), null, null, 2, 7L);
        assertEquals("printer processing job 7", PrinterText.describe(busy));
        assertEquals(ExitCodes.PRINTER_STOPPED, PrinterText.status(stopped));
        assertEquals(ExitCodes.OK, PrinterText.status(busy));
    }

    @Test
    void progressBarStaysQuietForQuickUploadsAndShowsRateAndTimeLeftForSlowOnes() {
        AtomicLong now = new AtomicLong();
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err), "big.pdf", now::get);
        bar.progress(1 << 20, 4 << 20);
        assertEquals("", err.toString(), "nothing before half a second");
        now.set(1_000_000_000L);
        bar.progress(1 << 20, 4 << 20);
        assertEquals("\rbig.pdf [======                  ]  25% 1.0 MiB/s 0:03 left ", err.toString());
        bar.finish();
        assertEquals('\n', err.toString().charAt(err.toString().length() - 1));
    }

    @Test
    void worstExitStatusWins() {
        assertEquals(ExitCodes.UNREACHABLE, ExitCodes.worst(ExitCodes.PRINTER_STOPPED, ExitCodes.UNREACHABLE));
        assertEquals(ExitCodes.PRINTER_STOPPED, ExitCodes.worst(ExitCodes.FAILED, ExitCodes.PRINTER_STOPPED));
        assertEquals(ExitCodes.FAILED, ExitCodes.worst(ExitCodes.OK, ExitCodes.FAILED));
    }
}
