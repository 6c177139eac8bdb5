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

    public static final String IDS = "year, h1, q1, q2, q3, q4, ytd or m01 … m12";

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
                if (!p.matches("m(0[1-9]|1[0-2])")) {
                    throw new Rejection("period", "must be one of " + IDS);
                }
                LocalDate start = LocalDate.of(year, Integer.parseInt(p.substring(1)), 1);
                yield new ReportPeriod(p, year, start, start.plusMonths(1).minusDays(1));
            }
        };
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
        return first.getDayOfYear() == 1 && (id.equals("year") || id.equals("ytd") || id.equals("h1"));
    }

    public String nameVi() {
        return switch (id) {
            case "year" -> "năm";
            case "h1" -> "6 tháng đầu";
            case "q1", "q2", "q3", "q4" -> "quý " + "I II III IV".split(" ")[id.charAt(1) - '1'];
            case "ytd" -> "từ đầu năm";
            default -> "tháng " + first.getMonthValue();
        };
    }

    public String nameEn() {
        return switch (id) {
            case "year" -> "the year";
            case "h1" -> "the first six months of";
            case "q1", "q2", "q3", "q4" -> "Q" + id.charAt(1);
            case "ytd" -> "the year to date,";
            default -> first.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        };
    }
}
