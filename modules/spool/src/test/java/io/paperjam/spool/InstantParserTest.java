package io.paperjam.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantParserTest {

    @Test
    void readsWhatInstantToStringWritesExactlyAsInstantParseDoes() {
        SplittableRandom random = new SplittableRandom(42);
        long first = Instant.parse("0900-01-01T00:00:00Z").getEpochSecond();
        long end = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, end), nano);
            String text = instant.toString();
            assertEquals(Instant.parse(text), InstantParser.parse(text), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-30T15:41:33.1Z", "2026-11-30T15:41:33.12345Z", "2016-12-31T23:59:60Z",
            "2024-02-29T00:00:00Z", "+12026-01-01T00:00:00Z", "0999-12-31T23:59:59.999Z",
            "2026-11-30T15:41:33.Z", "2026-11-30T24:00:00Z", "2026-11-30T15:41:33+01:00"})
    void acceptsWhatInstantParseAccepts(String text) {
        assertEquals(Instant.parse(text), InstantParser.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-11-30", "2026-11-30T15:41:33", "2026-02-30T00:00:00Z",
            "2026-13-01T00:00:00Z", "2026-11-30T15:60:00Z", "2026-11-30T15:41:3xZ", "2026-11-30T15:41:33.1234567890Z",
            "2026-11-30 15:41:33Z", "２026-11-30T15:41:33Z"})
    void rejectsWhatInstantParseRejects(String text) {
        assertThrows(DateTimeException.class, () -> Instant.parse(text));
        assertThrows(DateTimeException.class, () -> InstantParser.parse(text));
    }
}
