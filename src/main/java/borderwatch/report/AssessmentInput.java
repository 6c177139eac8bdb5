package borderwatch.report;

import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/** What every part of the assessment reads: the model as of the report's instant, the report, the rules and both wordings. */
record AssessmentInput(ReadModel model, Province province, PeriodReport report, ReportRules rules, ReportFormat vi,
                       ReportFormat en) {

    AssessmentInput(ReadModel model, Province province, PeriodReport report, ReportRules rules) {
        this(model, province, report, rules, new ReportFormat("vi", province.zone()), new ReportFormat("en", province.zone()));
    }

    /** The first instant of the report's days. */
    Instant from() {
        return report.firstDay().atStartOfDay(province.zone()).toInstant();
    }

    /** The end of the report's days, or its as-of instant when that comes first. */
    Instant to() {
        Instant end = report.lastDay().plusDays(1).atStartOfDay(province.zone()).toInstant();
        return report.asOf().isBefore(end) ? report.asOf() : end;
    }

    Instant startOf(LocalDate day) {
        return day.atStartOfDay(province.zone()).toInstant();
    }

    static BigDecimal oneDecimal(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP);
    }
}
