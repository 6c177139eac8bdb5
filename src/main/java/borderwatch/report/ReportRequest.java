package borderwatch.report;

import borderwatch.shared.DayOrInstant;
import borderwatch.shared.Rejection;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/** The choices of a report: year, as-of instant, language and format, each checked. */
public record ReportRequest(int year, Instant asOf, String lang, String format) {

    public static final Set<String> LANGS = Set.of("vi", "en");
    public static final Set<String> FORMATS = Set.of("json", "csv", "html");

    /**
     * An as-of value is an instant with an offset, or a date, meaning the end of that day in the
     * province's zone (so {@code 2025-12-31} takes in all of 31 December).
     */
    public static Instant parseAsOf(String value, ZoneId zone) {
        Instant end = DayOrInstant.parse(value, zone, "asOf", true);
        return DayOrInstant.isDate(value) ? end.minusNanos(1) : end;
    }

    public static String choice(String value, Set<String> allowed, String fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw new Rejection(name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    /** A year that has begun by {@code now} in the province's zone: a report of a future year is refused. */
    public static int year(String value, Instant now, ZoneId zone) {
        int year = year(value);
        int current = now.atZone(zone).getYear();
        if (year > current) {
            throw new Rejection("year", year + " has not begun (it is " + current + " now)");
        }
        return year;
    }

    public static int year(String value) {
        try {
            int year = Integer.parseInt(value);
            if (year >= 2000 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Rejection("year", "must be a year from 2000 to 2100");
    }
}
