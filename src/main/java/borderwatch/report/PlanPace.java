package borderwatch.report;

import borderwatch.shared.UsdCents;
import borderwatch.province.GoodsGroup;
import borderwatch.tradeplan.PlanFigures;
import borderwatch.tradeplan.PlanProgress;
import borderwatch.tradeplan.TradePlans;
import borderwatch.traffic.GateDay;
import borderwatch.traffic.Traffic;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Each target of the year's plan at the report's last day: on pace or not against the share of the
 * year gone; for one behind, the monthly value needed from now to the year's end against the best
 * month so far; and the year-end estimate that follows last year's seasonal curve (the share of last
 * year's turnover that came after this date), beside the flat daily pace when the two differ.
 */
final class PlanPace {

    /** A target of the plan: its name, the plan's figure and how to read the same figure off a day's totals. */
    record Target(String id, String nameVi, String nameEn, long planCents, ToLongFunction<GateDay> value) {
    }

    /** The verdict on one target, with the figures behind it. */
    record Verdict(Target target, long doneCents, BigDecimal percentOfPlan, BigDecimal elapsedPercent, boolean onPace,
                   boolean yearComplete, Long neededPerMonthCents, int monthsLeft, Integer bestMonth, long bestMonthCents,
                   Long seasonalEstimateCents, Long flatEstimateCents) {
    }

    private PlanPace() {
    }

    static List<Target> targets(AssessmentInput in) {
        PlanFigures plan = TradePlans.of(in.model()).plan(in.report().year()).orElse(null);
        List<Target> out = new ArrayList<>();
        if (plan == null) {
            return out;
        }
        add(out, "total", "Tổng kim ngạch", "Total turnover", plan.totalUsdCents(), GateDay::usdCents);
        add(out, "export", "Kim ngạch xuất khẩu", "Exports", plan.exportUsdCents(), GateDay::exportUsdCents);
        add(out, "import", "Kim ngạch nhập khẩu", "Imports", plan.importUsdCents(), GateDay::importUsdCents);
        add(out, "local-export", "Xuất khẩu hàng hóa của địa phương", "Local export goods", plan.localExportUsdCents(),
                GateDay::localExportUsdCents);
        for (GoodsGroup g : in.province().goods()) {
            long cents = plan.goodsExportUsdCents().getOrDefault(g.id(), 0L);
            add(out, "goods:" + g.id(), "Xuất khẩu " + g.nameVi().toLowerCase(Locale.forLanguageTag("vi")),
                    "Exports of " + g.nameEn().toLowerCase(Locale.ENGLISH), cents, d -> d.goodsLine(g.id()).exportUsdCents());
        }
        return out;
    }

    private static void add(List<Target> out, String id, String vi, String en, long plan, ToLongFunction<GateDay> value) {
        if (plan > 0) {
            out.add(new Target(id, vi, en, plan, value));
        }
    }

    static List<Verdict> verdicts(AssessmentInput in) {
        List<Verdict> out = new ArrayList<>();
        int year = in.report().year();
        LocalDate last = in.report().lastDay();
        if (last.getYear() != year) {
            return out;
        }
        Traffic traffic = Traffic.of(in.model());
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        int daysInYear = jan1.lengthOfYear();
        int elapsed = last.getDayOfYear();
        boolean complete = elapsed == daysInYear;
        GateDay done = traffic.rangeAllGates(jan1, last);
        LocalDate lastYearEnd = PlanProgress.samePeriodEnd(last);
        GateDay lastYearToDate = traffic.rangeAllGates(jan1.minusYears(1), lastYearEnd);
        GateDay lastYear = traffic.rangeAllGates(jan1.minusYears(1), LocalDate.of(year - 1, 12, 31));
        BigDecimal elapsedPercent = AssessmentInput.oneDecimal(100.0 * elapsed / daysInYear);
        double monthsLeft = (daysInYear - elapsed) / (daysInYear / 12.0);
        for (Target t : targets(in)) {
            long d = t.value().applyAsLong(done);
            double share = 100.0 * d / t.planCents();
            boolean onPace = complete ? d >= t.planCents()
                    : share >= 100.0 * elapsed / daysInYear - in.rules().onPace().tolerancePoints();
            int bestMonth = 0;
            long best = 0;
            for (int m = 1; m <= last.getMonthValue(); m++) {
                LocalDate first = LocalDate.of(year, m, 1);
                LocalDate end = first.plusMonths(1).minusDays(1).isAfter(last) ? last : first.plusMonths(1).minusDays(1);
                long v = t.value().applyAsLong(traffic.rangeAllGates(first, end));
                if (v > best) {
                    best = v;
                    bestMonth = m;
                }
            }
            Long needed = onPace || complete || monthsLeft <= 0 ? null
                    : Math.round(Math.max(0, t.planCents() - d) / monthsLeft);
            long lyTo = t.value().applyAsLong(lastYearToDate);
            long ly = t.value().applyAsLong(lastYear);
            // Last year's curve: what had come by this date, against the year it became.
            Long seasonal = complete || lyTo <= 0 || ly <= 0 ? null : Math.round((double) d * ly / lyTo);
            Long flat = complete ? null : Math.round((double) d * daysInYear / elapsed);
            out.add(new Verdict(t, d, AssessmentInput.oneDecimal(share), elapsedPercent, onPace, complete, needed,
                    (int) Math.max(1, Math.round(monthsLeft)), bestMonth == 0 ? null : bestMonth, best, seasonal, flat));
        }
        return out;
    }

    static List<Finding> findings(AssessmentInput in, List<Verdict> verdicts) {
        List<Finding> out = new ArrayList<>();
        ReportFormat vi = in.vi();
        ReportFormat en = in.en();
        for (Verdict v : verdicts) {
            Target t = v.target();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("target", t.id());
            figures.put("asOfDate", in.report().lastDay());
            figures.put("planUsd", UsdCents.toUsd(t.planCents()));
            figures.put("doneUsd", UsdCents.toUsd(v.doneCents()));
            figures.put("percentOfPlan", v.percentOfPlan());
            figures.put("yearElapsedPercent", v.elapsedPercent());
            figures.put("onPace", v.onPace());
            String date = vi.date(in.report().lastDay());
            StringBuilder sv = new StringBuilder(t.nameVi() + " đến " + date + " đạt " + vi.millionsUsd(UsdCents.toUsd(v.doneCents()))
                    + ", bằng " + vi.percent(v.percentOfPlan()) + " kế hoạch năm (" + vi.millionsUsd(UsdCents.toUsd(t.planCents())) + ")");
            StringBuilder se = new StringBuilder(t.nameEn() + " to " + date + ": " + en.millionsUsd(UsdCents.toUsd(v.doneCents()))
                    + ", " + en.percent(v.percentOfPlan()) + " of the annual plan (" + en.millionsUsd(UsdCents.toUsd(t.planCents())) + ")");
            if (v.yearComplete()) {
                sv.append(v.onPace() ? ": hoàn thành kế hoạch." : ": không hoàn thành kế hoạch.");
                se.append(v.onPace() ? ": the plan was met." : ": the plan was not met.");
            } else {
                sv.append(v.onPace() ? ", đúng tiến độ" : ", chậm so với tiến độ").append(" (đã qua ")
                  .append(vi.percent(v.elapsedPercent())).append(" thời gian của năm).");
                se.append(v.onPace() ? ", on pace" : ", behind pace").append(" (").append(en.percent(v.elapsedPercent()))
                  .append(" of the year has passed).");
            }
            if (v.neededPerMonthCents() != null) {
                figures.put("neededPerMonthUsd", UsdCents.toUsd(v.neededPerMonthCents()));
                figures.put("monthsLeft", v.monthsLeft());
                sv.append(" Để hoàn thành kế hoạch cần bình quân ").append(vi.millionsUsd(UsdCents.toUsd(v.neededPerMonthCents())))
                  .append("/tháng trong ").append(v.monthsLeft()).append(" tháng còn lại");
                se.append(" Meeting the plan needs ").append(en.millionsUsd(UsdCents.toUsd(v.neededPerMonthCents())))
                  .append(" a month over the ").append(v.monthsLeft()).append(" months left");
                if (v.bestMonth() != null && v.bestMonthCents() > 0) {
                    BigDecimal times = AssessmentInput.oneDecimal((double) v.neededPerMonthCents() / v.bestMonthCents());
                    figures.put("bestMonth", v.bestMonth());
                    figures.put("bestMonthUsd", UsdCents.toUsd(v.bestMonthCents()));
                    figures.put("timesBestMonth", times);
                    sv.append(", bằng ").append(vi.upToOneDecimal(times)).append(" lần tháng cao nhất từ đầu năm (tháng ")
                      .append(v.bestMonth()).append(": ").append(vi.millionsUsd(UsdCents.toUsd(v.bestMonthCents()))).append(")");
                    se.append(", ").append(en.upToOneDecimal(times)).append(" times the best month so far (")
                      .append(java.time.Month.of(v.bestMonth()).getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH))
                      .append(": ").append(en.millionsUsd(UsdCents.toUsd(v.bestMonthCents()))).append(")");
                }
                sv.append('.');
                se.append('.');
            }
            estimates(v, figures, sv, se, vi, en, t);
            out.add(Finding.of("plan-pace", null, sv.toString(), se.toString(), figures).numbered(t.id()));
        }
        return out;
    }

    private static void estimates(Verdict v, Map<String, Object> figures, StringBuilder sv, StringBuilder se,
                                  ReportFormat vi, ReportFormat en, Target t) {
        if (v.flatEstimateCents() == null) {
            return;
        }
        figures.put("flatEstimateUsd", UsdCents.toUsd(v.flatEstimateCents()));
        if (v.seasonalEstimateCents() == null) {
            sv.append(" Ước cả năm theo bình quân ngày: ").append(vi.millionsUsd(UsdCents.toUsd(v.flatEstimateCents())))
              .append(" (chưa có số liệu năm trước để ước theo mùa vụ).");
            se.append(" Year-end estimate at the daily pace: ").append(en.millionsUsd(UsdCents.toUsd(v.flatEstimateCents())))
              .append(" (no figures of last year to follow its season).");
            return;
        }
        figures.put("seasonalEstimateUsd", UsdCents.toUsd(v.seasonalEstimateCents()));
        BigDecimal ofPlan = AssessmentInput.oneDecimal(100.0 * v.seasonalEstimateCents() / t.planCents());
        figures.put("seasonalEstimatePercentOfPlan", ofPlan);
        sv.append(" Ước cả năm theo diễn biến mùa vụ năm trước: ").append(vi.millionsUsd(UsdCents.toUsd(v.seasonalEstimateCents())))
          .append(" (").append(vi.percent(ofPlan)).append(" kế hoạch)");
        se.append(" Year-end estimate following last year's season: ").append(en.millionsUsd(UsdCents.toUsd(v.seasonalEstimateCents())))
          .append(" (").append(en.percent(ofPlan)).append(" of plan)");
        // Both are shown when they differ by more than 5%: the flat pace misleads in a seasonal trade.
        if (Math.abs(v.seasonalEstimateCents() - v.flatEstimateCents()) > 0.05 * v.seasonalEstimateCents()) {
            sv.append("; theo bình quân ngày: ").append(vi.millionsUsd(UsdCents.toUsd(v.flatEstimateCents())));
            se.append("; at the flat daily pace: ").append(en.millionsUsd(UsdCents.toUsd(v.flatEstimateCents())));
        }
        sv.append('.');
        se.append('.');
    }
}
