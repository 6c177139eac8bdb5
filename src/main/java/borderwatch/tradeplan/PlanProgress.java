package borderwatch.tradeplan;

import borderwatch.province.GoodsGroup;
import borderwatch.readmodel.ReadModel;
import borderwatch.shared.UsdCents;
import borderwatch.traffic.GateDay;
import borderwatch.traffic.Traffic;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Year-to-date turnover against the annual plan. Percentages are rounded half up to one decimal;
 * the straight run-rate projection assumes the rest of the year continues at the year-to-date pace.
 */
public record PlanProgress(int year, LocalDate asOfDate, boolean planSet, BigDecimal pacePercent,
                           Line export, Line imports, Line total, Line localExport, List<GoodsProgress> goods) {

    /** Exports of one goods group against its target, when the plan sets one. */
    public record GoodsProgress(String group, String nameVi, String nameEn, Line export) {
    }

    /**
     * One of export, import or total. {@code changePercent} compares with the same calendar
     * period of the previous year (Jan 1 to the same day); null when that period had no turnover.
     */
    public record Line(BigDecimal planUsd, BigDecimal yearToDateUsd, BigDecimal percentOfPlan,
                       BigDecimal samePeriodLastYearUsd, BigDecimal changePercent, BigDecimal projectedUsd,
                       BigDecimal projectedPercentOfPlan) {

        /** {@code daysElapsed} 0 means no projection. A period a year earlier without turnover is null, not 0. */
        static Line of(long planCents, long ytdCents, long lastYearCents, int daysElapsed, int daysInYear) {
            Long projected = daysElapsed == 0 ? null : BigDecimal.valueOf(ytdCents).multiply(BigDecimal.valueOf(daysInYear))
                    .divide(BigDecimal.valueOf(daysElapsed), 0, RoundingMode.HALF_UP).longValueExact();
            return new Line(planCents == 0 ? null : UsdCents.toUsd(planCents), UsdCents.toUsd(ytdCents),
                    UsdCents.percent(ytdCents, planCents), lastYearCents == 0 ? null : UsdCents.toUsd(lastYearCents),
                    UsdCents.change(ytdCents, lastYearCents), projected == null ? null : UsdCents.toUsd(projected),
                    projected == null ? null : UsdCents.percent(projected, planCents));
        }
    }

    /**
     * Progress of {@code year} as of the local date {@code asOf}. Dates after the year count as its
     * last day (the year is complete); dates before it give an empty year.
     */
    public static PlanProgress of(ReadModel model, int year, LocalDate asOf) {
        LocalDate last = LocalDate.of(year, 12, 31);
        return ofPeriod(model, year, LocalDate.of(year, 1, 1), asOf.isAfter(last) ? last : asOf, true);
    }

    /**
     * Turnover of the days {@code [first, upTo]} of {@code year} against the year's plan and the same
     * days a year earlier. With {@code estimate} (a period from 1 January) each line also carries the
     * year-end estimate at the period's daily pace; otherwise the projection is null.
     */
    public static PlanProgress ofPeriod(ReadModel model, int year, LocalDate first, LocalDate upTo, boolean estimate) {
        int daysInYear = LocalDate.of(year, 1, 1).lengthOfYear();
        int daysElapsed = upTo.isBefore(first) ? 0 : (int) (upTo.toEpochDay() - first.toEpochDay() + 1);

        GateDay ytd = daysElapsed == 0 ? GateDay.EMPTY : Traffic.of(model).rangeAllGates(first, upTo);
        GateDay lastYear = daysElapsed == 0 ? GateDay.EMPTY
                : Traffic.of(model).rangeAllGates(first.minusYears(1), samePeriodEnd(upTo));
        var plan = TradePlans.of(model).plan(year);
        long planExport = plan.map(PlanFigures::exportUsdCents).orElse(0L);
        long planImport = plan.map(PlanFigures::importUsdCents).orElse(0L);
        long planTotal = plan.map(PlanFigures::totalUsdCents).orElse(0L);
        long planLocal = plan.map(PlanFigures::localExportUsdCents).orElse(0L);
        Map<String, Long> planGoods = plan.map(PlanFigures::goodsExportUsdCents).orElse(Map.of());
        int elapsed = estimate ? Math.max(daysElapsed, 1) : 0;
        List<GoodsProgress> goods = new ArrayList<>();
        for (GoodsGroup g : model.gates().goods()) {
            goods.add(new GoodsProgress(g.id(), g.nameVi(), g.nameEn(), Line.of(planGoods.getOrDefault(g.id(), 0L),
                    ytd.goodsLine(g.id()).exportUsdCents(), lastYear.goodsLine(g.id()).exportUsdCents(), elapsed,
                    daysInYear)));
        }
        return new PlanProgress(year, upTo, plan.isPresent(), UsdCents.percent(Math.max(0, upTo.getYear() == year
                        ? upTo.getDayOfYear() : 0), daysInYear),
                Line.of(planExport, ytd.exportUsdCents(), lastYear.exportUsdCents(), elapsed, daysInYear),
                Line.of(planImport, ytd.importUsdCents(), lastYear.importUsdCents(), elapsed, daysInYear),
                Line.of(planTotal, ytd.usdCents(), lastYear.usdCents(), elapsed, daysInYear),
                Line.of(planLocal, ytd.localExportUsdCents(), lastYear.localExportUsdCents(), elapsed, daysInYear),
                List.copyOf(goods));
    }

    /** The same day one year earlier; 29 February maps to 28 February. */
    public static LocalDate samePeriodEnd(LocalDate date) {
        MonthDay md = MonthDay.from(date);
        int previousYear = date.getYear() - 1;
        return md.isValidYear(previousYear) ? md.atYear(previousYear) : LocalDate.of(previousYear, 2, 28);
    }
}
