package borderwatch.report;

import borderwatch.shared.DayOrInstant;
import borderwatch.shared.Rejection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/** The choices of a report: period of a year, as-of instant, language and format, each checked. */
public record ReportRequest(ReportPeriod period, Instant asOf, String lang, String format) {

    public static final Set<String> LANGS = Set.of("vi", "en");
    public static final Set<String> FORMATS = Set.of("json", "csv", "html", "docx", "xlsx", "pdf");

    /** The whole year, as the report was before periods. */
    public ReportRequest(int year, Instant asOf, String lang, String format) {
        this(ReportPeriod.of("year", year, asOf.atZone(java.time.ZoneOffset.UTC).toLocalDate()), asOf, lang, format);
    }

    public int year() {
        return period.year();
    }

    /**
     * A checked request: the period must have begun by {@code now}, and an as-of (when given) must
     * not be before it. Without an as-of the report runs to now, or to the period's end if sooner.
     */
    public static ReportRequest of(int year, String period, String asOf, Instant now, ZoneId zone, String lang,
                                   String format) {
        return of(year, period, null, null, asOf, now, zone, lang, format);
    }

    /** As above; {@code from} and {@code to} (both or neither) make the period any run of days of the year. */
    public static ReportRequest of(int year, String period, String from, String to, String asOf, Instant now, ZoneId zone,
                                   String lang, String format) {
        Instant at = asOf == null || asOf.isBlank() ? now : parseAsOf(asOf, zone);
        LocalDate asOfDate = LocalDate.ofInstant(at, zone);
        boolean range = from != null || to != null;
        if (range && period != null && !period.isBlank()) {
            throw new Rejection("period", "give either a period or from and to, not both");
        }
        ReportPeriod p = (range ? ReportPeriod.range(year, from, to) : ReportPeriod.of(period, year, asOfDate))
                .check(LocalDate.ofInstant(now, zone), asOfDate, asOf != null && !asOf.isBlank());
        return new ReportRequest(p, at, choice(lang, LANGS, "vi", "lang"), choice(format, FORMATS, "json", "format"));
    }

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
