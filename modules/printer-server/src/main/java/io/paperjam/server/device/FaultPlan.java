package io.paperjam.server.device;

import io.paperjam.protocol.PrinterReason;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The faults a printer is told at start-up to suffer: faults set at once, a script of faults
 * that each fire once, and seeded random paper jams. Immutable; the same plan and seed give the
 * same faults on the same pages every run.
 */
public final class FaultPlan {

    private static final FaultPlan NONE = new FaultPlan(List.of(), 0, 0, Set.of());
    /** Spreads consecutive page numbers over unrelated random streams. */
    private static final long PAGE_MIX = 0x9E3779B97F4A7C15L;

    private final List<ScriptedFault> scripted;
    private final double jamRatePerPage;
    private final long seed;
    private final Set<PrinterReason> initialFaults;

    private FaultPlan(List<ScriptedFault> scripted, double jamRatePerPage, long seed,
                      Set<PrinterReason> initialFaults) {
        this.scripted = List.copyOf(scripted);
        this.jamRatePerPage = jamRatePerPage;
        this.seed = seed;
        this.initialFaults = initialFaults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(initialFaults));
    }

    /** No faults at all. */
    public static FaultPlan none() {
        return NONE;
    }

    /**
     * A plan from start-up flags.
     *
     * @param scripted scripted faults such as {@code paper-jam@job=2,page=3} (see {@link ScriptedFault})
     * @param jamRatePerPage the chance, 0 to 1, that any page jams
     * @param seed the seed of the jam dice; same seed, same jam pages
     * @param initialFaults faults the printer has from the moment it starts
     * @throws IllegalArgumentException naming the bad entry
     */
    public static FaultPlan parse(List<String> scripted, double jamRatePerPage, long seed,
                                  Set<PrinterReason> initialFaults) {
        if (!(jamRatePerPage >= 0 && jamRatePerPage <= 1)) {
            throw new IllegalArgumentException("jam rate must be between 0 and 1 per page: " + jamRatePerPage);
        }
        Collection<PrinterReason> initial = initialFaults == null ? Set.of() : initialFaults;
        for (PrinterReason r : initial) {
            if (!r.isFault()) {
                throw new IllegalArgumentException(r.wire() + " is not a fault that can be set at start-up");
            }
        }
        List<ScriptedFault> parsed = scripted == null ? List.of()
                : scripted.stream().map(ScriptedFault::parse).toList();
        return new FaultPlan(parsed, jamRatePerPage, seed, Set.copyOf(initial));
    }

    public List<ScriptedFault> scripted() {
        return scripted;
    }

    public double jamRatePerPage() {
        return jamRatePerPage;
    }

    public long seed() {
        return seed;
    }

    public Set<PrinterReason> initialFaults() {
        return initialFaults;
    }

    /**
     * Whether the dice jam the {@code pageSinceStart}-th page printed since start. A pure function
     * of the seed and the page number, so a retry of the same page asks the same question; the
     * caller lets each page jam at most once.
     */
    public boolean jams(long pageSinceStart) {
        if (jamRatePerPage <= 0) {
            return false;
        }
        return new SplittableRandom(seed ^ (pageSinceStart * PAGE_MIX)).nextDouble() < jamRatePerPage;
    }

    @Override
    public String toString() {
        return "FaultPlan[initial=" + initialFaults + ", scripted=" + scripted + ", jamRate=" + jamRatePerPage
                + ", seed=" + seed + "]";
    }
}
