package io.paperjam.protocol;

import java.time.Instant;

/**
 * {@link Instant#toString()} without its formatter: {@code 2026-11-25T12:00:03.123456Z}, the fraction
 * in groups of three digits and left out when zero. The formatter builds a date-time and a print
 * context per call, and every reply and event carries two or three instants. Years outside 1000-9999
 * (which the formatter pads or signs) go to {@link Instant#toString()}.
 */
final class InstantText {

    private static final long SECONDS_PER_DAY = 86_400;
    /** 1000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds: four-digit years only. */
    private static final long FIRST = -30_610_224_000L;
    private static final long END = 253_402_300_800L;

    private InstantText() {
    }

    static String of(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds >= END) {
            return instant.toString();
        }
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        int nano = instant.getNano();
        char[] text = new char[30];
        int n = date(days, text);
        text[n++] = 'T';
        n = two(secondOfDay / 3600, text, n);
        text[n++] = ':';
        n = two(secondOfDay / 60 % 60, text, n);
        text[n++] = ':';
        n = two(secondOfDay % 60, text, n);
        if (nano != 0) {
            text[n++] = '.';
            int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
            int value = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1_000 : nano;
            for (int i = digits - 1; i >= 0; i--) {
                text[n + i] = (char) ('0' + value % 10);
                value /= 10;
            }
            n += digits;
        }
        text[n++] = 'Z';
        return new String(text, 0, n);
    }

    /** Writes yyyy-MM-dd of the day {@code days} after 1970-01-01 (civil calendar, H. Hinnant's method). */
    private static int date(long days, char[] text) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        text[0] = (char) ('0' + year / 1000);
        text[1] = (char) ('0' + year / 100 % 10);
        text[2] = (char) ('0' + year / 10 % 10);
        text[3] = (char) ('0' + year % 10);
        text[4] = '-';
        two(month, text, 5);
        text[7] = '-';
        two(day, text, 8);
        return 10;
    }

    private static int two(int value, char[] text, int at) {
        text[at] = (char) ('0' + value / 10);
        text[at + 1] = (char) ('0' + value % 10);
        return at + 2;
    }
}
