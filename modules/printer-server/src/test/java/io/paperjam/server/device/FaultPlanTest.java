package io.paperjam.server.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.protocol.PrinterReason;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultPlanTest {

    @Test
    void parsesEveryTriggerForm() {
        assertEquals(new ScriptedFault(PrinterReason.PAPER_JAM, 2L, 3, null), ScriptedFault.parse("paper-jam@job=2,page=3"));
        assertEquals(new ScriptedFault(PrinterReason.PAPER_OUT, null, null, 100L), ScriptedFault.parse("paper-out@sheets=100"));
        assertEquals(new ScriptedFault(PrinterReason.NO_INK, null, 40, null), ScriptedFault.parse("no-ink@page=40"));
        assertEquals(new ScriptedFault(PrinterReason.COVER_OPEN, 1L, null, null), ScriptedFault.parse(" Cover-Open@job=1 "));
        assertEquals(new ScriptedFault(PrinterReason.OFFLINE, 7L, 2, null), ScriptedFault.parse("offline@page=2, job=7"));
    }

    @Test
    void printsBackInTheSyntaxItParses() {
        for (String text : List.of("paper-jam@job=2,page=3", "paper-out@sheets=100", "no-ink@page=40", "cover-open@job=1")) {
            assertEquals(text, ScriptedFault.parse(text).toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"paper-jam", "paper-jam@", "@page=3", "low-ink@page=3", "paused@page=1", "fire@page=1",
        "paper-jam@page=0", "paper-jam@page=-1", "paper-jam@page=x", "paper-jam@floor=3", "paper-jam@page",
        "paper-jam@page=1,page=2", "paper-out@sheets=5,job=1", "paper-jam@page=99999999999"})
    void refusesBadScriptsWithAMessageNamingThem(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScriptedFault.parse(text));
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @Test
    void firesAtTheRightPagesAndSheets() {
        ScriptedFault jobPage = ScriptedFault.parse("paper-jam@job=2,page=3");
        assertTrue(jobPage.firesBeforePage(2, 3, 99));
        assertFalse(jobPage.firesBeforePage(1, 3, 3));
        assertFalse(jobPage.firesBeforePage(2, 2, 3));
        ScriptedFault overall = ScriptedFault.parse("no-ink@page=40");
        assertTrue(overall.firesBeforePage(5, 1, 40));
        assertFalse(overall.firesBeforePage(5, 40, 39));
        ScriptedFault jobStart = ScriptedFault.parse("cover-open@job=1");
        assertTrue(jobStart.firesBeforePage(1, 1, 1));
        assertFalse(jobStart.firesBeforePage(1, 2, 2));
        ScriptedFault sheets = ScriptedFault.parse("paper-out@sheets=100");
        assertFalse(sheets.firesAfterSheets(99));
        assertTrue(sheets.firesAfterSheets(100));
        assertFalse(sheets.firesBeforePage(1, 1, 100));
    }

    @Test
    void sameSeedJamsTheSamePages() {
        FaultPlan a = FaultPlan.parse(List.of(), 0.05, 42, Set.of());
        FaultPlan b = FaultPlan.parse(List.of(), 0.05, 42, Set.of());
        FaultPlan other = FaultPlan.parse(List.of(), 0.05, 43, Set.of());
        List<Long> jamsA = LongStream.rangeClosed(1, 2000).filter(a::jams).boxed().toList();
        List<Long> jamsB = LongStream.rangeClosed(1, 2000).filter(b::jams).boxed().toList();
        List<Long> jamsOther = LongStream.rangeClosed(1, 2000).filter(other::jams).boxed().toList();
        assertEquals(jamsA, jamsB);
        assertNotEquals(jamsA, jamsOther);
        assertTrue(jamsA.size() > 60 && jamsA.size() < 140, "about 5% of 2000 pages jam: " + jamsA.size());
    }

    @Test
    void rateZeroNeverJamsAndRateOneAlwaysDoes() {
        FaultPlan never = FaultPlan.parse(List.of(), 0, 1, Set.of());
        FaultPlan always = FaultPlan.parse(List.of(), 1, 1, Set.of());
        assertTrue(LongStream.rangeClosed(1, 500).noneMatch(never::jams));
        assertTrue(LongStream.rangeClosed(1, 500).allMatch(always::jams));
    }

    @Test
    void refusesBadRatesAndNonFaultInitialReasons() {
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse(List.of(), 1.5, 1, Set.of()));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse(List.of(), Double.NaN, 1, Set.of()));
        assertThrows(IllegalArgumentException.class,
                () -> FaultPlan.parse(List.of(), 0, 1, Set.of(PrinterReason.LOW_PAPER)));
        assertEquals(Set.of(PrinterReason.OFFLINE),
                FaultPlan.parse(null, 0, 1, Set.of(PrinterReason.OFFLINE)).initialFaults());
    }
}
