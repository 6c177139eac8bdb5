package borderwatch.report;

import borderwatch.shared.Rejection;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The days a report covers within its year: the whole year, a half, a quarter, a month, or the year
 * to date. {@code last} is the period's own last day; a report as of an earlier day stops there.
 */
public record ReportPeriod(String id, int year, LocalDate first, LocalDate last) {

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public static final String IDS = "year, h1, q1, q2, q3, q4, ytd, first1 … first12 (the first n months) or m01 … m12";

    /** Written as its id ("h1", "m07"): the days follow from the year. */
    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String id() {
        return id;
    }

    /** {@code asOfDate} bounds only {@code ytd}, whose end is the as-of day itself. */
    public static ReportPeriod of(String id, int year, LocalDate asOfDate) {
        String p = id == null || id.isBlank() ? "year" : id;
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        return switch (p) {
            case "year" -> new ReportPeriod(p, year, jan1, LocalDate.of(year, 12, 31));
            case "h1" -> new ReportPeriod(p, year, jan1, LocalDate.of(year, 6, 30));
            case "q1", "q2", "q3", "q4" -> {
                LocalDate start = jan1.plusMonths(3L * (p.charAt(1) - '1'));
                yield new ReportPeriod(p, year, start, start.plusMonths(3).minusDays(1));
            }
            case "ytd" -> new ReportPeriod(p, year, jan1,
                    asOfDate.getYear() == year ? asOfDate : LocalDate.of(year, 12, 31));
            default -> {
                if (p.matches("first([1-9]|1[0-2])")) {
                    yield new ReportPeriod(p, year, jan1, jan1.plusMonths(Integer.parseInt(p.substring(5))).minusDays(1));
                }
                if (!p.matches("m(0[1-9]|1[0-2])")) {
                    throw new Rejection("period", "must be one of " + IDS);
                }
                LocalDate start = LocalDate.of(year, Integer.parseInt(p.substring(1)), 1);
                yield new ReportPeriod(p, year, start, start.plusMonths(1).minusDays(1));
            }
        };
    }

    /**
     * Any run of days within {@code year}, {@code from} to {@code to} inclusive: its id names them
     * ({@code 0315-0520}), so its file does too.
     */
    public static ReportPeriod range(int year, String from, String to) {
        LocalDate first = date(from, "from");
        LocalDate last = date(to, "to");
        if (first.getYear() != year) {
            throw new Rejection("from", "must be a day of " + year + ", the report's year");
        }
        if (last.getYear() != year) {
            throw new Rejection("to", "must be a day of " + year + ", the report's year");
        }
        if (last.isBefore(first)) {
            throw new Rejection("to", "must not be before from");
        }
        java.time.format.DateTimeFormatter mmdd = java.time.format.DateTimeFormatter.ofPattern("MMdd");
        return new ReportPeriod(mmdd.format(first) + "-" + mmdd.format(last), year, first, last);
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new Rejection(field, "is required with a range: both from and to, as dates (2026-03-15)");
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Rejection(field, "must be a date such as 2026-03-15");
        }
    }

    /** A range of days rather than a named period. */
    public boolean isRange() {
        return id.matches("\\d{4}-\\d{4}");
    }

    /** Refuses a period that has not begun by {@code today}, or an as-of day before the period starts. */
    public ReportPeriod check(LocalDate today, LocalDate asOfDate, boolean asOfGiven) {
        if (first.isAfter(today)) {
            throw new Rejection("period", nameEn() + " " + year + " has not begun (today is " + today + ")");
        }
        if (asOfGiven && asOfDate.isBefore(first)) {
            throw new Rejection("asOf", asOfDate + " is before the period, which starts on " + first);
        }
        return this;
    }

    /** The whole year or the year to date: a year-end estimate makes sense for these only. */
    public boolean fromJanuary() {
        return first.getDayOfYear() == 1 && (id.equals("year") || id.equals("ytd") || id.equals("h1")
                || id.startsWith("first") || isRange());
    }

    public String nameVi() {
        return switch (id) {
            case "year" -> "năm";
            case "h1" -> "6 tháng đầu";
            case "q1", "q2", "q3", "q4" -> "quý " + "I II III IV".split(" ")[id.charAt(1) - '1'];
            case "ytd" -> "từ đầu năm";
            default -> id.startsWith("first") ? id.substring(5) + " tháng đầu"
                    : isRange() ? "từ ngày " + DAY.format(first) + " đến ngày " + DAY.format(last)
                    : "tháng " + first.getMonthValue();
        };
    }

    public String nameEn() {
        return switch (id) {
            case "year" -> "the year";
            case "h1" -> "the first six months of";
            case "q1", "q2", "q3", "q4" -> "Q" + id.charAt(1);
            case "ytd" -> "the year to date,";
            default -> id.startsWith("first") ? "the first " + id.substring(5) + " months of"
                    : isRange() ? "from " + DAY.format(first) + " to " + DAY.format(last) + ","
                    : first.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        };
    }
}
