package borderwatch.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The report as one long table, {@code section,subject,metric,value}, so a spreadsheet can pivot
 * it; amounts in USD with a decimal point, percentages as numbers.
 */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static String render(PeriodReport r) {
        StringBuilder c = new StringBuilder("section,subject,metric,value\n");
        row(c, "report", "year", "year", r.year());
        row(c, "report", "as_of", "instant", r.asOf());
        row(c, "report", "stream", "position", r.position());
        row(c, "report", "period", "id", r.period().id());
        row(c, "report", "period", "first_day", r.firstDay());
        row(c, "report", "period", "last_day", r.lastDay());
        line(c, "total", r.summary().total());
        line(c, "export", r.summary().export());
        line(c, "import", r.summary().imports());
        line(c, "local_export", r.summary().localExport());
        for (var g : r.summary().goods()) {
            line(c, "goods_export:" + g.group(), g.export());
        }
        for (PeriodReport.GoodsRow g : r.goods()) {
            String group = g.group() == null ? "unclassified" : g.group();
            row(c, "goods", group, "export_usd", g.exportUsd());
            row(c, "goods", group, "import_usd", g.importUsd());
            row(c, "goods", group, "export_vehicles", g.exportVehicles());
            row(c, "goods", group, "import_vehicles", g.importVehicles());
            row(c, "goods", group, "export_share_percent", g.exportSharePercent() == null ? "" : g.exportSharePercent());
            row(c, "goods", group, "export_change_percent", g.exportChangePercent() == null ? "" : g.exportChangePercent());
        }
        for (PeriodReport.GateLine g : r.gates()) {
            row(c, "gate", g.gate(), "export_usd", g.exportUsd());
            row(c, "gate", g.gate(), "import_usd", g.importUsd());
            row(c, "gate", g.gate(), "total_usd", g.totalUsd());
            row(c, "gate", g.gate(), "export_vehicles", g.exportVehicles());
            row(c, "gate", g.gate(), "import_vehicles", g.importVehicles());
        }
        for (PeriodReport.MonthLine m : r.months()) {
            String month = String.format("%d-%02d", r.year(), m.month());
            row(c, "month", month, "export_usd", m.exportUsd());
            row(c, "month", month, "import_usd", m.importUsd());
            row(c, "month", month, "total_usd", m.totalUsd());
            row(c, "month", month, "export_vehicles", m.exportVehicles());
            row(c, "month", month, "import_vehicles", m.importVehicles());
            row(c, "month", month, "export_wagons", m.exportWagons());
            row(c, "month", month, "import_wagons", m.importWagons());
        }
        for (PeriodReport.VehiclesPerDay v : r.vehiclesPerDay()) {
            // The province's road trucks are "province"; its railway wagons "province-rail", never added to them.
            String subject = (v.gate() != null ? v.gate() : v.kind().equals("rail") ? "province-rail" : "province") + "/"
                    + v.direction().name().toLowerCase();
            row(c, "vehicles_per_day", subject, "total", v.total());
            row(c, "vehicles_per_day", subject, "average", v.average());
            row(c, "vehicles_per_day", subject, "peak", v.peak());
            row(c, "vehicles_per_day", subject, "peak_date", v.peakDate() == null ? "" : v.peakDate());
        }
        for (PeriodReport.GateCongestion g : r.congestion()) {
            row(c, "congestion", g.gate(), "queue_reported", g.queueReported());
            row(c, "congestion", g.gate(), "queue_days", g.queueDays());
            row(c, "congestion", g.gate(), "warnings_issued", g.warningsIssued());
            row(c, "congestion", g.gate(), "warnings_came_true", g.warningsCameTrue());
            row(c, "congestion", g.gate(), "median_warning_lead_minutes", g.medianLeadMinutes() == null ? "" : g.medianLeadMinutes());
            row(c, "congestion", g.gate(), "incidents", g.incidents());
            for (Map.Entry<String, BigDecimal> e : g.hoursAtLevel().entrySet()) {
                row(c, "congestion", g.gate(), "hours_" + e.getKey(), e.getValue());
            }
            row(c, "congestion", g.gate(), "plans_activated", g.plansActivated());
            row(c, "congestion", g.gate(), "plan_hours", g.planHours());
        }
        findings(c, "assessment", r.assessment());
        findings(c, "proposal", r.proposals());
        return c.toString();
    }

    /** Each statement's words and its single-valued figures; lists of episodes and days stay in JSON. */
    private static void findings(StringBuilder c, String section, List<Finding> findings) {
        for (Finding f : findings) {
            row(c, section, f.id(), "topic", f.topic());
            if (f.rule() != null) {
                row(c, section, f.id(), "rule", f.rule());
            }
            row(c, section, f.id(), "text_vi", quoted(f.textVi()));
            row(c, section, f.id(), "text_en", quoted(f.textEn()));
            if (Boolean.TRUE.equals(f.edited())) {
                row(c, section, f.id(), "edited", true);
            }
            f.figures().forEach((name, value) -> {
                if (value instanceof Number || value instanceof Boolean || value instanceof String
                        || value instanceof java.time.temporal.Temporal) {
                    row(c, section, f.id(), name, value instanceof String t ? quoted(t) : value);
                }
            });
        }
    }

    /**
     * Text in quotes, inner quotes doubled (RFC 4180); text a spreadsheet would take for a formula
     * (=, +, -, @ first) is led by an apostrophe so it is shown, not run.
     */
    static String quoted(String text) {
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private static void line(StringBuilder c, String subject, borderwatch.tradeplan.PlanProgress.Line l) {
        row(c, "summary", subject, "turnover_usd", l.yearToDateUsd());
        row(c, "summary", subject, "plan_usd", l.planUsd() == null ? "" : l.planUsd());
        row(c, "summary", subject, "percent_of_plan", l.percentOfPlan() == null ? "" : l.percentOfPlan());
        row(c, "summary", subject, "same_period_last_year_usd", l.samePeriodLastYearUsd() == null ? "" : l.samePeriodLastYearUsd());
        row(c, "summary", subject, "change_percent", l.changePercent() == null ? "" : l.changePercent());
    }

    private static void row(StringBuilder c, String section, String subject, String metric, Object value) {
        // Subjects are slugs, ids and dates; the only free text comes quoted (quoted()).
        c.append(section).append(',').append(subject).append(',').append(metric).append(',')
         .append(value instanceof BigDecimal b ? b.toPlainString() : String.valueOf(value)).append('\n');
    }
}
