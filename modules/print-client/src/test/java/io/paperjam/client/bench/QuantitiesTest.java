package io.paperjam.client.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @Test
    void sizesArePowersOf1024() {
        assertEquals(4096, Quantities.bytes("4K"));
        assertEquals(4096, Quantities.bytes("4KiB"));
        assertEquals(1 << 20, Quantities.bytes("1m"));
        assertEquals(1L << 30, Quantities.bytes("1G"));
        assertEquals(512, Quantities.bytes("512"));
        assertThrows(IllegalArgumentException.class, () -> Quantities.bytes("four"));
        assertThrows(IllegalArgumentException.class, () -> Quantities.bytes("-1K"));
    }

    @Test
    void timesTakeUnitsAndDefaultToSeconds() {
        assertEquals(Duration.ofSeconds(30), Quantities.time("30s"));
        assertEquals(Duration.ofMinutes(2), Quantities.time("2m"));
        assertEquals(Duration.ofMillis(500), Quantities.time("500ms"));
        assertEquals(Duration.ofMillis(1500), Quantities.time("1.5"));
        assertThrows(IllegalArgumentException.class, () -> Quantities.time("soon"));
    }

    @Test
    void settingsRefuseUnboundedRuns() {
        BenchSettings d = BenchSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withConnections(0));
        assertThrows(IllegalArgumentException.class, () -> d.withConnections(BenchSettings.MAX_CONNECTIONS + 1));
        assertThrows(IllegalArgumentException.class, () -> d.withCount(0));
        assertThrows(IllegalArgumentException.class, () -> d.withDuration(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> d.withDuration(Duration.ofHours(2)));
    }
}
