package borderwatch.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * UTC instants in the one ISO-8601 shape the store writes ({@code 2025-05-14T01:15:00Z}, with a
 * fraction only when there is one), read and written without {@code DateTimeFormatter}, which
 * otherwise dominates encoding and decoding of stored events. Output equals {@link Instant#toString()}
 * for years 0000 to 9999.
 */
final class IsoInstants {

    /** A date already validated, shared between threads as an immutable value (a stale one only costs a look-up). */
    private record Day(int year, int month, int day, long epochDay) {
    }

    private static Day lastDay;

    private IsoInstants() {
    }

    /** Formats like {@link Instant#toString()}; null outside years 0000–9999 (the caller falls back). */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(days);
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return null;
        }
        char[] out = new char[30];
        int i = 0;
        i = put(out, i, year, 4);
        out[i++] = '-';
        i = put(out, i, date.getMonthValue(), 2);
        out[i++] = '-';
        i = put(out, i, date.getDayOfMonth(), 2);
        out[i++] = 'T';
        i = put(out, i, secondOfDay / 3_600, 2);
        out[i++] = ':';
        i = put(out, i, secondOfDay / 60 % 60, 2);
        out[i++] = ':';
        i = put(out, i, secondOfDay % 60, 2);
        int nanos = instant.getNano();
        if (nanos > 0) {
            out[i++] = '.';
            // Like Instant.toString: 3, 6 or 9 fraction digits, whichever is the shortest exact one.
            if (nanos % 1_000_000 == 0) {
                i = put(out, i, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                i = put(out, i, nanos / 1_000, 6);
            } else {
                i = put(out, i, nanos, 9);
            }
        }
        out[i++] = 'Z';
        return new String(out, 0, i);
    }

    private static int put(char[] out, int at, int value, int width) {
        for (int k = width - 1; k >= 0; k--) {
            out[at + k] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    /** Parses {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}; null for any other shape. */
    static Instant parse(String s) {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return parse(bytes, 0, bytes.length);
    }

    /** As {@link #parse(String)}, from the ASCII bytes {@code [from, to)} of a stored payload. */
    static Instant parse(byte[] s, int from, int to) {
        int n = to - from;
        if (n < 20 || s[to - 1] != 'Z' || s[from + 4] != '-' || s[from + 7] != '-' || s[from + 10] != 'T'
                || s[from + 13] != ':' || s[from + 16] != ':') {
            return null;
        }
        int year = digits(s, from, from + 4);
        int month = digits(s, from + 5, from + 7);
        int day = digits(s, from + 8, from + 10);
        int hour = digits(s, from + 11, from + 13);
        int minute = digits(s, from + 14, from + 16);
        int second = digits(s, from + 17, from + 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fractionDigits = n - 21;
            if (s[from + 19] != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(s, from + 20, to - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        } else if (s[from + 19] != 'Z') {
            return null;
        }
        // Stored events come in time order, so the date of the last one read is nearly always this one's.
        Day known = lastDay;
        long epochDay;
        if (known != null && known.year() == year && known.month() == month && known.day() == day) {
            epochDay = known.epochDay();
        } else {
            if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
                return null;
            }
            epochDay = LocalDate.of(year, month, day).toEpochDay();
            lastDay = new Day(year, month, day, epochDay);
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static int digits(byte[] s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int c = s[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
