package io.paperjam.server.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paperjam.protocol.PrinterReason;
import io.paperjam.protocol.SupplyKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceTest {

    private static final DeviceSettings SMALL = DeviceSettings.defaults()
            .withTrayCapacity(10).withLowPaperSheets(3).withInkPerPagePercent(10).withLowInkPercent(20);

    @Test
    void freshDeviceHasFullTrayAndInkAndNoReasons() {
        Device device = Device.fresh(DeviceSettings.defaults());
        assertEquals(250, device.supplies().paper().sheets());
        assertEquals(250, device.supplies().paper().capacity());
        assertEquals(Map.of("black", 100), device.supplies().ink());
        assertEquals(List.of(), device.reasons());
        assertTrue(device.ready());
    }

    @Test
    void everyImpressionTakesOneSheetAndInkOfEveryColour() {
        Device device = Device.fresh(SMALL.withColours(DeviceSettings.CMYK));
        for (int i = 0; i < 6; i++) { // a 3-page job with 2 copies
            assertTrue(device.printSheet());
        }
        assertEquals(4, device.supplies().paper().sheets());
        assertEquals(Map.of("cyan", 40, "magenta", 40, "yellow", 40, "black", 40), device.supplies().ink());
        assertEquals(6, device.sheetsPrinted());
    }

    @Test
    void lowPaperWarnsAtThresholdThenPaperOutStopsAtEmpty() {
        Device device = Device.fresh(SMALL.withInkPerPagePercent(0));
        for (int i = 0; i < 6; i++) {
            device.printSheet();
        }
        assertFalse(device.reasons().contains(PrinterReason.LOW_PAPER), "4 sheets left is above the threshold");
        device.printSheet();
        assertEquals(List.of(PrinterReason.LOW_PAPER), device.reasons());
        assertTrue(device.ready(), "a warning does not stop the printer");
        device.printSheet();
        device.printSheet();
        device.printSheet();
        assertEquals(List.of(PrinterReason.PAPER_OUT), device.reasons());
        assertEquals(Optional.of(PrinterReason.PAPER_OUT), device.blocker());
        assertFalse(device.printSheet(), "nothing to print on");
        assertEquals(10, device.sheetsPrinted());
    }

    @Test
    void refillingPaperClearsPaperOut() {
        Device device = Device.fresh(SMALL);
        device.setSupplies(0, null);
        assertEquals(List.of(PrinterReason.PAPER_OUT), device.faults());
        device.clearFault(PrinterReason.PAPER_OUT);
        assertEquals(List.of(PrinterReason.PAPER_OUT), device.faults(), "clearing cannot fill an empty tray");
        device.refill(SupplyKind.PAPER);
        assertEquals(List.of(), device.faults());
        assertEquals(10, device.supplies().paper().sheets());
    }

    @Test
    void operatorPaperOutIsClearedByClearingOrByRefill() {
        Device device = Device.fresh(SMALL);
        device.setFault(PrinterReason.PAPER_OUT);
        assertEquals(List.of(PrinterReason.PAPER_OUT), device.faults());
        device.clearFault(PrinterReason.PAPER_OUT);
        assertTrue(device.ready());
        device.setFault(PrinterReason.PAPER_OUT);
        device.refill(SupplyKind.PAPER);
        assertTrue(device.ready());
        device.setFault(PrinterReason.NO_INK);
        device.refill(SupplyKind.PAPER);
        assertEquals(List.of(PrinterReason.NO_INK), device.faults(), "paper does not replace ink");
        device.refill(SupplyKind.INK);
        assertTrue(device.ready());
    }

    @Test
    void inkIsTrackedPerColour() {
        Device device = Device.fresh(SMALL.withColours(DeviceSettings.CMYK));
        device.setSupplies(null, Map.of("cyan", 0));
        assertEquals(List.of(PrinterReason.NO_INK), device.faults());
        assertEquals(100, device.supplies().ink().get("black"));
        device.setSupplies(null, Map.of("magenta", 15));
        assertTrue(device.reasons().contains(PrinterReason.LOW_INK));
        device.setSupplies(null, Map.of("*", 50));
        assertEquals(Map.of("cyan", 50, "magenta", 50, "yellow", 50, "black", 50), device.supplies().ink());
        assertEquals(List.of(), device.reasons());
    }

    @Test
    void inkRunsOutAfterExactlyItsPages() {
        Device device = Device.fresh(DeviceSettings.defaults().withInkPerPagePercent(0.1).withTrayCapacity(5000));
        for (int i = 0; i < 999; i++) {
            device.printSheet();
        }
        assertEquals(1, device.supplies().ink().get("black"), "0.1% left shows as 1%, not empty");
        assertTrue(device.ready());
        device.printSheet();
        assertEquals(0, device.supplies().ink().get("black"));
        assertEquals(Optional.of(PrinterReason.NO_INK), device.blocker());
    }

    @Test
    void badSupplyLevelsAreRefusedAndChangeNothing() {
        Device device = Device.fresh(SMALL);
        assertThrows(IllegalArgumentException.class, () -> device.setSupplies(11, null));
        assertThrows(IllegalArgumentException.class, () -> device.setSupplies(-1, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> device.setSupplies(5, Map.of("cyan", 10)));
        assertTrue(e.getMessage().contains("cyan"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> device.setSupplies(5, Map.of("black", 101)));
        assertEquals(10, device.supplies().paper().sheets());
        assertEquals(100, device.supplies().ink().get("black"));
        assertThrows(IllegalArgumentException.class, () -> device.setFault(PrinterReason.LOW_INK));
    }

    @Test
    void reasonsListFaultsThenPauseThenWarnings() {
        Device device = Device.fresh(SMALL);
        device.setSupplies(2, Map.of("black", 5));
        device.pause();
        device.setFault(PrinterReason.COVER_OPEN);
        device.setFault(PrinterReason.PAPER_JAM);
        assertEquals(List.of(PrinterReason.PAPER_JAM, PrinterReason.COVER_OPEN, PrinterReason.PAUSED,
                PrinterReason.LOW_PAPER, PrinterReason.LOW_INK), device.reasons());
        assertEquals(Optional.of(PrinterReason.PAPER_JAM), device.blocker());
        device.clearAllFaults();
        assertEquals(Optional.of(PrinterReason.PAUSED), device.blocker());
        device.resume();
        assertTrue(device.ready());
    }

    @Test
    void stateSurvivesAnEncodeDecodeRoundTrip() throws Exception {
        Device device = Device.fresh(SMALL.withColours(DeviceSettings.CMYK).withInkPerPagePercent(0.125));
        for (int i = 0; i < 7; i++) {
            device.printSheet();
            device.pagePrinted();
        }
        device.jobPrinted();
        device.setFault(PrinterReason.COVER_OPEN);
        device.pause();
        byte[] json = DeviceStateCodec.encode(device.snapshot());
        Device back = Device.restore(device.settings(), DeviceStateCodec.decode(json));
        assertEquals(device.snapshot(), back.snapshot());
        assertEquals(device.supplies(), back.supplies());
        assertEquals(device.reasons(), back.reasons());
        assertEquals(List.of("cyan", "magenta", "yellow", "black"), List.copyOf(back.supplies().ink().keySet()));
        assertTrue(new String(json, java.nio.charset.StandardCharsets.UTF_8).contains("\"cover-open\""));
    }

    @Test
    void restoreFitsTheSavedStateToNewSettings() {
        Map<String, Double> ink = new LinkedHashMap<>();
        ink.put("black", 40.5);
        ink.put("green", 3.0);
        DeviceState saved = new DeviceState(DeviceState.VERSION, 200, 250, ink, List.of(PrinterReason.OFFLINE),
                false, 5, 5, 1);
        Device device = Device.restore(SMALL.withColours(DeviceSettings.CMYK), saved);
        assertEquals(10, device.supplies().paper().sheets(), "a smaller tray holds fewer sheets");
        assertEquals(41, device.supplies().ink().get("black"));
        assertEquals(100, device.supplies().ink().get("cyan"), "a new colour starts at the initial level");
        assertFalse(device.supplies().ink().containsKey("green"));
        assertEquals(List.of(PrinterReason.OFFLINE), device.faults());
    }

    @Test
    void garbageStateIsAnIoErrorNotACrash() {
        assertThrows(java.io.IOException.class, () -> DeviceStateCodec.decode("{nope".getBytes()));
        assertThrows(java.io.IOException.class,
                () -> DeviceStateCodec.decode("{\"version\":99,\"sheets\":1}".getBytes()));
        assertThrows(java.io.IOException.class,
                () -> DeviceStateCodec.decode("{\"version\":1,\"faults\":[\"on-fire\"]}".getBytes()));
    }
}
