package borderwatch.report;

import borderwatch.congestion.CongestionLog;
import borderwatch.forecast.WarningLog;
import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.GoodsGroup;
import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.readmodel.Replay;
import borderwatch.shared.UsdCents;
import borderwatch.tradeplan.PlanProgress;
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
 * The report of a period of one year (the whole year, a half, a quarter, a month, the year to date) as of an instant: turnover against the plan and the same period
 * of the previous year, per gate and per month, vehicles per day with the peak day, and congestion
 * incidents and response plans per gate. It names the instant and the stream position it was
 * built from, so the same figures can be built again.
 */
public record PeriodReport(int year, ReportPeriod period, Instant asOf, long position, String provinceId, String provinceVi,
                         String provinceEn,
                         LocalDate firstDay, LocalDate lastDay, int days, PlanProgress summary,
                         List<GateLine> gates, List<MonthLine> months, List<VehiclesPerDay> vehiclesPerDay,
                         List<GateCongestion> congestion, List<GoodsRow> goods, List<Finding> assessment,
                         List<Finding> proposals) {

    /**
     * One goods group's trade in the report's days; {@code group} is null for what the reports did not
     * classify. Share is of the province's exports; change compares exports with the same period of
     * the previous year (null when that period had none).
     */
    public record GoodsRow(String group, String nameVi, String nameEn, BigDecimal exportUsd, BigDecimal importUsd,
                           long exportVehicles, long importVehicles, BigDecimal exportSharePercent,
                           BigDecimal exportChangePercent) {
    }

    /** {@code kind} road or rail: a railway station's vehicles are wagons, never added to road trucks. */
    public record GateLine(String gate, String nameVi, String nameEn, String kind, BigDecimal exportUsd,
                           BigDecimal importUsd, BigDecimal totalUsd, long exportVehicles, long importVehicles) {
    }

    /** Turnover of all gates; road trucks and railway wagons apart. */
    public record MonthLine(int month, BigDecimal exportUsd, BigDecimal importUsd, BigDecimal totalUsd,
                            long exportVehicles, long importVehicles, long exportWagons, long importWagons) {
    }

    /**
     * Vehicles cleared a day over the report's days; {@code gate} is null for the province's road gates
     * ({@code kind} road) or its railway stations ({@code kind} rail).
     */
    public record VehiclesPerDay(String gate, String kind, Direction direction, long total, BigDecimal average, long peak,
                                 LocalDate peakDate) {
    }

    /**
     * Incidents are rises from normal that began in the period; hours per level id; plans activated in
     * it. {@code queueReported} false means no queue report in the period: no figures, not "no congestion";
     * {@code queueDays} the report's days with a queue report, which the figures rest on.
     */
    public record GateCongestion(String gate, int incidents, Map<String, BigDecimal> hoursAtLevel, int plansActivated,
                                 BigDecimal planHours, boolean queueReported, int warningsIssued, int warningsCameTrue,
                                 Long medianLeadMinutes, int queueDays) {
    }

    public static PeriodReport of(Replay.Result replay, Province gates, ReportPeriod period) {
        ReadModel model = replay.model();
        Traffic traffic = Traffic.of(model);
        ZoneId zone = gates.zone();
        int year = period.year();
        LocalDate first = period.first();
        LocalDate asOfDate = LocalDate.ofInstant(replay.asOf(), zone);
        LocalDate last = asOfDate.isAfter(period.last()) ? period.last() : asOfDate;
        int days = last.isBefore(first) ? 0 : (int) (last.toEpochDay() - first.toEpochDay() + 1);
        PlanProgress summary = PlanProgress.ofPeriod(model, year, first, last, period.fromJanuary());

        List<String> gateIds = new ArrayList<>(gates.all().stream().map(GateConfig::id).toList());
        new TreeSet<>(traffic.gatesWithHistory()).stream().filter(g -> !gateIds.contains(g)).forEach(gateIds::add);

        List<GateLine> gateLines = new ArrayList<>();
        for (String id : gateIds) {
            GateDay d = traffic.range(id, first, last);
            GateConfig g = gates.find(id).orElse(null);
            gateLines.add(new GateLine(id, g == null ? id : g.nameVi(), g == null ? id : g.nameEn(), kindOf(gates, id),
                    UsdCents.toUsd(d.exportUsdCents()), UsdCents.toUsd(d.importUsdCents()), UsdCents.toUsd(d.usdCents()),
                    d.exportVehicles(), d.importVehicles()));
        }
        List<MonthLine> months = new ArrayList<>();
        List<String> roadGates = gateIds.stream().filter(id -> kindOf(gates, id).equals("road")).toList();
        List<String> railGates = gateIds.stream().filter(id -> kindOf(gates, id).equals("rail")).toList();
        for (LocalDate start = first.withDayOfMonth(1); !start.isAfter(last); start = start.plusMonths(1)) {
            LocalDate from = start.isBefore(first) ? first : start;
            LocalDate end = start.plusMonths(1).minusDays(1).isAfter(last) ? last : start.plusMonths(1).minusDays(1);
            GateDay d = traffic.rangeAllGates(from, end);
            GateDay road = sum(traffic, roadGates, from, end);
            GateDay rail = sum(traffic, railGates, from, end);
            months.add(new MonthLine(start.getMonthValue(), UsdCents.toUsd(d.exportUsdCents()), UsdCents.toUsd(d.importUsdCents()),
                    UsdCents.toUsd(d.usdCents()), road.exportVehicles(), road.importVehicles(), rail.exportVehicles(),
                    rail.importVehicles()));
        }
        List<VehiclesPerDay> perDay = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            perDay.add(vehiclesPerDay(null, "road", direction, provinceDays(traffic, roadGates, first, last), days));
            if (!railGates.isEmpty()) {
                perDay.add(vehiclesPerDay(null, "rail", direction, provinceDays(traffic, railGates, first, last), days));
            }
            for (String id : gateIds) {
                perDay.add(vehiclesPerDay(id, kindOf(gates, id), direction, traffic.daysOf(id, first, last), days));
            }
        }
        Instant yearStart = first.atStartOfDay(zone).toInstant();
        Instant yearEnd = period.last().plusDays(1).atStartOfDay(zone).toInstant();
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
            // Up to and including the as-of instant: a warning issued at it is part of the report.
            List<WarningLog.Warning> warnings = WarningLog.of(model).issuedIn(g.id(), yearStart,
                    (until.isAfter(yearStart) ? until : yearStart).plusNanos(1));
            List<Long> leads = warnings.stream().filter(x -> "reached".equals(x.reason()))
                    .map(x -> x.lead().toMinutes()).sorted().toList();
            congestion.add(new GateCongestion(g.id(), w.incidents(), hours, w.plansActivated(), oneDecimal(w.planHours()),
                    w.queueReported(), warnings.size(), leads.size(), leads.isEmpty() ? null : leads.get(leads.size() / 2),
                    queueDays(ReportEvidence.of(model), g.id(), first, last)));
        }
        GateDay all = traffic.rangeAllGates(first, last);
        GateDay before = traffic.rangeAllGates(first.minusYears(1), PlanProgress.samePeriodEnd(last));
        PeriodReport figures = new PeriodReport(year, period, replay.asOf(), replay.position(), gates.provinceId(),
                gates.provinceVi(), gates.provinceEn(), first, last, days, summary, gateLines, months, perDay, congestion,
                goodsRows(gates, all, before), List.of(), List.of());
        return figures.judged(Assessment.of(model, gates, figures, ReportRules.of(gates)));
    }

    /** This report with {@code judgement}'s assessment and proposals. */
    public PeriodReport judged(Assessment judgement) {
        return new PeriodReport(year, period, asOf, position, provinceId, provinceVi, provinceEn, firstDay, lastDay, days, summary, gates,
                months, vehiclesPerDay, congestion, goods, judgement.assessment(), judgement.proposals());
    }

    /** The assessment and proposals as they stand. */
    public Assessment judgement() {
        return new Assessment(assessment, proposals);
    }

    /** The report's days with a queue report at the gate: what its congestion figures rest on. */
    private static int queueDays(ReportEvidence evidence, String gate, LocalDate first, LocalDate last) {
        int n = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            n += evidence.queueDay(gate, d) ? 1 : 0;
        }
        return n;
    }

    private static String kindOf(Province gates, String gate) {
        // A gate no longer configured keeps its history; it is counted with the road gates.
        return gates.find(gate).map(g -> g.kind().name().toLowerCase()).orElse("road");
    }

    private static GateDay sum(Traffic traffic, List<String> gateIds, LocalDate from, LocalDate to) {
        GateDay sum = GateDay.EMPTY;
        for (String id : gateIds) {
            sum = sum.plus(traffic.range(id, from, to));
        }
        return sum;
    }

    /** A row per configured goods group, then one for the unclassified rest when there is any. */
    static List<GoodsRow> goodsRows(Province gates, GateDay all, GateDay before) {
        List<GoodsRow> rows = new ArrayList<>();
        for (GoodsGroup g : gates.goods()) {
            rows.add(goodsRow(g.id(), g.nameVi(), g.nameEn(), all.goodsLine(g.id()), before.goodsLine(g.id()),
                    all.exportUsdCents()));
        }
        GoodsLine rest = all.unclassified();
        if (!rest.equals(GoodsLine.EMPTY)) {
            rows.add(goodsRow(null, "Chưa phân loại", "Unclassified", rest, before.unclassified(), all.exportUsdCents()));
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

    private static VehiclesPerDay vehiclesPerDay(String gate, String kind, Direction direction,
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
        return new VehiclesPerDay(gate, kind, direction, total, average, peak, peakDate);
    }

    private static BigDecimal oneDecimal(double hours) {
        return BigDecimal.valueOf(hours).setScale(1, RoundingMode.HALF_UP);
    }
}
