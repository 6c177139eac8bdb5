package borderwatch.board;

import borderwatch.congestion.ActiveResponsePlan;
import borderwatch.congestion.Congestion;
import borderwatch.congestion.QueueState;
import borderwatch.forecast.ExpectedWait;
import borderwatch.province.GateConfig;
import borderwatch.readmodel.ReadModel;
import borderwatch.shared.UsdCents;
import borderwatch.traffic.GateDay;
import borderwatch.traffic.Traffic;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The live board: one tile per configured gate, as of an instant. */
public record Board(Instant asOf, long position, List<Tile> gates, GoodsToday goodsToday) {

    public record Tile(String gate, String nameVi, String nameEn, String kind, LocalDate date,
                       long exportVehiclesToday, long importVehiclesToday, long lastHourExport,
                       long lastHourImport, int waiting, Double yardOccupancy, Instant queueObservedAt,
                       BigDecimal turnoverTodayUsd, BigDecimal turnoverYearToDateUsd, String level, int levelNumber,
                       String levelVi, String levelEn, List<String> proposedActionsVi, List<String> proposedActionsEn,
                       ActiveResponsePlan activePlan, List<GoodsToday.Group> exportsByGoods, ExpectedWait expectedWait,
                       boolean lastHourIsBulk) {
    }

    /**
     * More cleared in the last hour than the gate can clear in {@value #BULK_HOURS}: a day's total (or
     * a backlog of reports) sent at once, as imported daily figures are, not an hour's traffic.
     */
    static final int BULK_HOURS = 2;

    public static Board of(ReadModel model, Instant now) {
        List<Tile> tiles = new ArrayList<>();
        for (GateConfig g : model.gates().all()) {
            tiles.add(tile(model, g, now));
        }
        return new Board(now, model.position(), tiles, GoodsToday.province(model, now));
    }

    /** One gate's tile as of {@code now}. */
    /** The gate's usual day: the mean vehicles of its last four weeks' days with any; null without them. */
    public static Double usualDay(ReadModel model, String gate, java.time.LocalDate today) {
        return LiveMessages.usualDay(model, gate, today);
    }

    public static Tile tile(ReadModel model, GateConfig g, Instant now) {
        long nowMinute = Math.floorDiv(now.getEpochSecond(), 60);
        LocalDate today = LocalDate.ofInstant(now, g.zone());
        Traffic traffic = Traffic.of(model);
        Congestion congestion = Congestion.of(model);
        GateDay day = traffic.day(g.id(), today);
        GateDay ytd = traffic.range(g.id(), today.withDayOfYear(1), today);
        long[] hour = traffic.clearedInLast(g.id(), nowMinute, 60);
        QueueState q = congestion.queue(g.id());
        int level = Math.min(congestion.level(g.id()), g.levels().levels().size());
        return new Tile(g.id(), g.nameVi(), g.nameEn(), g.kind().name().toLowerCase(), today,
                day.exportVehicles(), day.importVehicles(), hour[0], hour[1], q.waiting(), q.yardOccupancy(),
                q.observedAt(), UsdCents.toUsd(day.usdCents()), UsdCents.toUsd(ytd.usdCents()),
                g.levels().idOf(level), level, level == 0 ? "Bình thường" : g.levels().config(level).nameVi(),
                level == 0 ? "Normal" : g.levels().config(level).nameEn(),
                level == 0 ? List.of() : g.levels().config(level).actionsVi(),
                level == 0 ? List.of() : g.levels().config(level).actionsEn(),
                congestion.activeResponsePlan(g.id()).orElse(null), GoodsToday.groups(model.gates(), day),
                ExpectedWait.of(model, g.id(), now), hour[0] + hour[1] > (long) BULK_HOURS * g.clearancePerHour());
    }
}
