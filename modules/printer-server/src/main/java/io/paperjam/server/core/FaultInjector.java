package io.paperjam.server.core;

import io.paperjam.protocol.PrinterReason;
import io.paperjam.server.device.FaultPlan;
import io.paperjam.server.device.ScriptedFault;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link FaultPlan} against this process's printing: counts pages and sheets since start,
 * fires each scripted fault once, and rolls the seeded jam dice once per page. Used only by the
 * scheduler thread, under the printer's lock.
 */
final class FaultInjector {

    private final FaultPlan plan;
    private final boolean[] fired;
    private long pagesSinceStart;
    private long sheetsSinceStart;
    private long lastJamRoll;

    FaultInjector(FaultPlan plan) {
        this.plan = plan;
        this.fired = new boolean[plan.scripted().size()];
    }

    /** Faults that strike before page {@code page} of job {@code jobId} is printed. */
    List<PrinterReason> beforePage(long jobId, int page) {
        long pageSinceStart = pagesSinceStart + 1;
        List<PrinterReason> faults = new ArrayList<>();
        for (int i = 0; i < fired.length; i++) {
            ScriptedFault f = plan.scripted().get(i);
            if (!fired[i] && f.firesBeforePage(jobId, page, pageSinceStart)) {
                fired[i] = true;
                faults.add(f.fault());
            }
        }
        if (lastJamRoll != pageSinceStart) {
            lastJamRoll = pageSinceStart;
            if (plan.jams(pageSinceStart)) {
                faults.add(PrinterReason.PAPER_JAM);
            }
        }
        return faults;
    }

    /** Faults that strike now that one more sheet was printed. */
    List<PrinterReason> afterSheet() {
        sheetsSinceStart++;
        List<PrinterReason> faults = new ArrayList<>();
        for (int i = 0; i < fired.length; i++) {
            ScriptedFault f = plan.scripted().get(i);
            if (!fired[i] && f.firesAfterSheets(sheetsSinceStart)) {
                fired[i] = true;
                faults.add(f.fault());
            }
        }
        return faults;
    }

    void pagePrinted() {
        pagesSinceStart++;
    }
}
