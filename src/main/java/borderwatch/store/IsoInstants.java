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
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fractionDigits = n - 21;
            if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(s, 20, n - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        } else if (s.charAt(19) != 'Z') {
            return null;
        }
        if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
