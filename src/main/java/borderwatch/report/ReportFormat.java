package borderwatch.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Numbers and dates as the province writes them: Vietnamese {@code 4.750 triệu USD},
 * {@code 105,7%}, {@code 31/12/2025}; English {@code 4,750 million USD}, {@code 105.7%}.
 * Percentages are rounded half up to one decimal and always written with it ({@code 91,0%}); millions
 * in the text are rounded to one decimal, a zero decimal left out.
 */
final class ReportFormat {

    final String lang;
    private final DecimalFormatSymbols symbols;
    private final ZoneId zone;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    ReportFormat(String lang, ZoneId zone) {
        this.lang = lang;
        this.zone = zone;
        this.symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator(vi() ? '.' : ',');
        symbols.setDecimalSeparator(vi() ? ',' : '.');
        symbols.setMinusSign('-');
    }

    /** The wording of the report's language, given in both: both stay side by side where the text is written. */
    String say(String vi, String en) {
        return vi() ? vi : en;
    }

    boolean vi() {
        return lang.equals("vi");
    }

    private String pattern(String pattern, BigDecimal value) {
        DecimalFormat f = new DecimalFormat(pattern, symbols);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }

    String integer(long n) {
        return pattern("#,##0", BigDecimal.valueOf(n));
    }

    /** One decimal, half up, the zero decimal left out. */
    String upToOneDecimal(BigDecimal n) {
        return pattern("#,##0.#", n.setScale(1, RoundingMode.HALF_UP));
    }

    String oneDecimal(BigDecimal n) {
        return pattern("#,##0.0", n);
    }

    /** Every percentage with one decimal, the zero too ({@code 91,0%}): one rule for the whole report. */
    String percent(BigDecimal p) {
        return p == null ? "—" : oneDecimal(p.setScale(1, RoundingMode.HALF_UP)) + "%";
    }

    String millionsUsd(BigDecimal usd) {
        return upToOneDecimal(millions(usd)) + (vi() ? " triệu USD" : " million USD");
    }

    /** Millions with two decimals, for tables. */
    String millionsTable(BigDecimal usd) {
        return pattern("#,##0.00", millions(usd).setScale(2, RoundingMode.HALF_UP));
    }

    private static BigDecimal millions(BigDecimal usd) {
        return usd.movePointLeft(6);
    }

    String date(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    String dateTime(Instant instant) {
        return DATE_TIME.format(ZonedDateTime.ofInstant(instant, zone));
    }

    /** "3 giờ 20 phút" / "3 h 20 min"; under an hour, minutes only. */
    String duration(long minutes) {
        long h = minutes / 60;
        long m = minutes % 60;
        String hours = h + say(" giờ", " h");
        String mins = m + say(" phút", " min");
        return h == 0 ? mins : m == 0 ? hours : hours + " " + mins;
    }

    /** "đạt 91% kế hoạch" / "91% of plan"; a part of the year is measured against the year's plan. */
    String ofPlan(BigDecimal percent, boolean wholeYear) {
        return vi() ? "đạt " + percent(percent) + (wholeYear ? " kế hoạch" : " kế hoạch năm")
                    : percent(percent) + (wholeYear ? " of plan" : " of the annual plan");
    }

    /** "giảm 14% so với cùng kỳ" / "down 14% year on year". */
    String change(BigDecimal percent) {
        if (percent == null) {
            return vi() ? "chưa có số liệu cùng kỳ" : "no figures for the same period last year";
        }
        if (percent.abs().compareTo(new BigDecimal("0.05")) < 0) {
            // 0,0% is how an official says "the same": not "tăng 0%".
            return vi() ? "tương đương cùng kỳ" : "level with the same period last year";
        }
        boolean down = percent.signum() < 0;
        String size = percent(percent.abs());
        return vi() ? (down ? "giảm " : "tăng ") + size + " so với cùng kỳ"
                    : (down ? "down " : "up ") + size + " year on year";
    }
}
