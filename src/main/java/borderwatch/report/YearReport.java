package borderwatch.report;

import borderwatch.congestion.CongestionLog;
import borderwatch.gate.Direction;
import borderwatch.gate.GateConfig;
import borderwatch.gate.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.readmodel.Replay;
import borderwatch.shared.UsdCents;
import borderwatch.tradeplan.PlanProgress;
import borderwatch.gate.GoodsGroup;
import borderwatch.traffic.GateDay;
import borderwatch.traffic.GoodsLine;
import borderwatch.traffic.Traffic;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeSet;

/**
 * The year-end report of one year as of an instant: turnover against the plan and the same period
 * of the previous year, per gate and per month, vehicles per day with the peak day, and congestion
 * incidents and response plans per gate. It names the instant and the stream position it was
 * built from, so the same figures can be built again.
 */
public record YearReport(int year, Instant asOf, long position, String provinceVi, String provinceEn,
                         LocalDate firstDay, LocalDate lastDay, int days, PlanProgress summary,
                         List<GateLine> gates, List<MonthLine> months, List<VehiclesPerDay> vehiclesPerDay,
                         List<GateCongestion> congestion, List<GoodsRow> goods) {

    /**
     * One goods group's trade in the report's days; {@code group} is null for what the reports did not
     * classify. Share is of the province's exports; change compares exports with the same period of
     * the previous year (null when that period had none).
     */
    public record GoodsRow(String group, String nameVi, String nameEn, BigDecimal exportUsd, BigDecimal importUsd,
                           long exportVehicles, long importVehicles, BigDecimal exportSharePercent,
                           BigDecimal exportChangePercent) {
    }

    public record GateLine(String gate, String nameVi, String nameEn, BigDecimal exportUsd, BigDecimal importUsd,
                           BigDecimal totalUsd, long exportVehicles, long importVehicles) {
    }

    public record MonthLine(int month, BigDecimal exportUsd, BigDecimal importUsd, BigDecimal totalUsd,
                            long exportVehicles, long importVehicles) {
    }

    /** Vehicles cleared a day over the report's days; {@code gate} is null for the whole province. */
    public record VehiclesPerDay(String gate, Direction direction, long total, BigDecimal average, long peak,
                                 LocalDate peakDate) {
    }

    /** Incidents are rises from normal that began in the year; hours per level id; plans activated in the year. */
    public record GateCongestion(String gate, int incidents, Map<String, BigDecimal> hoursAtLevel, int plansActivated,
                                 BigDecimal planHours) {
    }

    public static YearReport of(Replay.Result replay, Province gates, int year) {
        ReadModel model = replay.model();
        Traffic traffic = Traffic.of(model);
        ZoneId zone = gates.zone();
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate asOfDate = LocalDate.ofInstant(replay.asOf(), zone);
        LocalDate last = asOfDate.isAfter(LocalDate.of(year, 12, 31)) ? LocalDate.of(year, 12, 31) : asOfDate;
        int days = last.isBefore(first) ? 0 : last.getDayOfYear();
        PlanProgress summary = PlanProgress.of(model, year, asOfDate);

        List<String> gateIds = new ArrayList<>(gates.all().stream().map(GateConfig::id).toList());
        new TreeSet<>(traffic.gatesWithHistory()).stream().filter(g -> !gateIds.contains(g)).forEach(gateIds::add);

        List<GateLine> gateLines = new ArrayList<>();
        for (String id : gateIds) {
            GateDay d = traffic.range(id, first, last);
            GateConfig g = gates.find(id).orElse(null);
            gateLines.add(new GateLine(id, g == null ? id : g.nameVi(), g == null ? id : g.nameEn(),
                    UsdCents.toUsd(d.exportUsdCents()), UsdCents.toUsd(d.importUsdCents()), UsdCents.toUsd(d.usdCents()),
                    d.exportVehicles(), d.importVehicles()));
        }
        List<MonthLine> months = new ArrayList<>();
        for (int m = 1; m <= 12 && !first.withMonth(m).isAfter(last); m++) {
            LocalDate start = first.withMonth(m);
            LocalDate end = start.plusMonths(1).minusDays(1);
            GateDay d = traffic.rangeAllGates(start, end.isAfter(last) ? last : end);
            months.add(new MonthLine(m, UsdCents.toUsd(d.exportUsdCents()), UsdCents.toUsd(d.importUsdCents()),
                    UsdCents.toUsd(d.usdCents()), d.exportVehicles(), d.importVehicles()));
        }
        List<VehiclesPerDay> perDay = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            perDay.add(vehiclesPerDay(null, direction, provinceDays(traffic, gateIds, first, last), days));
            for (String id : gateIds) {
                perDay.add(vehiclesPerDay(id, direction, traffic.daysOf(id, first, last), days));
            }
        }
        Instant yearStart = first.atStartOfDay(zone).toInstant();
        Instant yearEnd = first.plusYears(1).atStartOfDay(zone).toInstant();
        Instant until = replay.asOf().isBefore(yearEnd) ? replay.asOf() : yearEnd;
        List<GateCongestion> congestion = new ArrayList<>();
        for (GateConfig g : gates.all()) {
            int levels = g.levels().levels().size();
            CongestionLog.Window w = CongestionLog.of(model).window(g.id(), levels, yearStart,
                    until.isAfter(yearStart) ? until : yearStart);
            Map<String, BigDecimal> hours = new LinkedHashMap<>();
            for (int l = 1; l <= levels; l++) {
                hours.put(g.levels().idOf(l), oneDecimal(w.hoursAtLevel()[l]));
            }
            congestion.add(new GateCongestion(g.id(), w.incidents(), hours, w.plansActivated(), oneDecimal(w.planHours())));
        }
        GateDay all = traffic.rangeAllGates(first, last);
        GateDay before = traffic.rangeAllGates(first.minusYears(1), PlanProgress.samePeriodEnd(last));
        return new YearReport(year, replay.asOf(), replay.position(), gates.provinceVi(), gates.provinceEn(), first,
                last, days, summary, gateLines, months, perDay, congestion, goodsRows(gates, all, before));
    }

    /** A row per configured goods group, then one for the unclassified rest when there is any. */
    static List<GoodsRow> goodsRows(Province gates, GateDay all, GateDay before) {
        List<GoodsRow> rows = new ArrayList<>();
        GoodsLine classified = GoodsLine.EMPTY;
        GoodsLine classifiedBefore = GoodsLine.EMPTY;
        for (GoodsGroup g : gates.goods()) {
            GoodsLine line = all.goodsLine(g.id());
            GoodsLine previous = before.goodsLine(g.id());
            classified = classified.plus(line);
            classifiedBefore = classifiedBefore.plus(previous);
            rows.add(goodsRow(g.id(), g.nameVi(), g.nameEn(), line, previous, all.exportUsdCents()));
        }
        GoodsLine rest = new GoodsLine(all.exportVehicles() - classified.exportVehicles(),
                all.importVehicles() - classified.importVehicles(), all.exportUsdCents() - classified.exportUsdCents(),
                all.importUsdCents() - classified.importUsdCents());
        GoodsLine restBefore = new GoodsLine(0, 0, before.exportUsdCents() - classifiedBefore.exportUsdCents(), 0);
        if (!rest.equals(GoodsLine.EMPTY)) {
            rows.add(goodsRow(null, "Chưa phân loại", "Unclassified", rest, restBefore, all.exportUsdCents()));
        }
        return rows;
    }

    private static GoodsRow goodsRow(String id, String nameVi, String nameEn, GoodsLine line, GoodsLine previous,
                                     long allExportCents) {
        return new GoodsRow(id, nameVi, nameEn, UsdCents.toUsd(line.exportUsdCents()), UsdCents.toUsd(line.importUsdCents()),
                line.exportVehicles(), line.importVehicles(), UsdCents.percent(line.exportUsdCents(), allExportCents),
                UsdCents.change(line.exportUsdCents(), previous.exportUsdCents()));
    }

    private static NavigableMap<LocalDate, GateDay> provinceDays(Traffic traffic, List<String> gateIds,
                                                                 LocalDate first, LocalDate last) {
        NavigableMap<LocalDate, GateDay> sum = new java.util.TreeMap<>();
        for (String id : gateIds) {
            traffic.daysOf(id, first, last).forEach((date, d) -> sum.merge(date, d, GateDay::plus));
        }
        return sum;
    }

    private static VehiclesPerDay vehiclesPerDay(String gate, Direction direction,
                                                 NavigableMap<LocalDate, GateDay> days, int dayCount) {
        long total = 0;
        long peak = 0;
        LocalDate peakDate = null;
        for (var e : days.entrySet()) {
            long v = direction == Direction.EXPORT ? e.getValue().exportVehicles() : e.getValue().importVehicles();
            total += v;
            // The earliest day wins a tie, so the peak date does not depend on anything but the figures.
            if (v > peak) {
                peak = v;
                peakDate = e.getKey();
            }
        }
        BigDecimal average = dayCount == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(dayCount), 1, RoundingMode.HALF_UP);
        return new VehiclesPerDay(gate, direction, total, average, peak, peakDate);
    }

    private static BigDecimal oneDecimal(double hours) {
        return BigDecimal.valueOf(hours).setScale(1, RoundingMode.HALF_UP);
    }
}
