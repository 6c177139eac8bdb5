package borderwatch.service;

import borderwatch.board.Board;
import borderwatch.province.GateConfig;
import borderwatch.province.GateKind;
import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.tradeplan.PlanProgress;
import borderwatch.traffic.TrafficProfile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every province a node serves on one board, as the ministry reads it: per province, the road trucks
 * cleared today against a usual day by this hour, the worst level now and where, and the year's plan
 * against the share of the year gone; and every gate at the alert level or above in the country, on
 * one list, worst first. Each province's figures are read off its own read model, so they are the
 * ones its own board shows.
 */
public record NationalBoard(Instant asOf, List<ProvinceLine> provinces, List<AlertGate> alerts) {

    /** The level from which a gate is on the national list, as the warnings score episodes. */
    static final int ALERT = 2;
    /** A plan is on pace while its share is at most this many points below the share of the year gone. */
    static final BigDecimal PACE_TOLERANCE = new BigDecimal("2");

    public record ProvinceLine(String province, String nameVi, String nameEn, int gates, long roadVehiclesToday,
                               Long usualRoadVehiclesByNow, BigDecimal todayPercentOfUsual, int worstLevel,
                               String worstLevelId, String worstLevelVi, String worstLevelEn, String worstGate,
                               String worstGateVi, String worstGateEn, boolean planSet, BigDecimal percentOfPlan,
                               BigDecimal yearElapsedPercent, Boolean onPace) {
    }

    public record AlertGate(String province, String gate, String nameVi, String nameEn, int level, String levelId,
                            String levelVi, String levelEn, int waiting) {
    }

    /** The board of {@code provinces}, each read in place under its own model's lock: no copy of its history. */
    static NationalBoard read(List<? extends borderwatch.engine.Engine> provinces, Instant now) {
        return merge(provinces.stream().map(e -> e.live().query(m -> of(List.of(m), now))).toList(), now);
    }

    public static NationalBoard of(List<ReadModel> models, Instant now) {
        List<ProvinceLine> lines = new ArrayList<>();
        List<AlertGate> alerts = new ArrayList<>();
        for (ReadModel model : models) {
            Province p = model.gates();
            Board board = Board.of(model, now);
            ZonedDateTime local = now.atZone(p.zone());
            double shareByNow = shareOfDayBy(local.getHour(), local.getMinute());
            long road = 0;
            double usual = 0;
            boolean anyUsual = false;
            Board.Tile worst = null;
            for (Board.Tile t : board.gates()) {
                GateConfig g = p.get(t.gate());
                if (t.levelNumber() > 0 && (worst == null || t.levelNumber() > worst.levelNumber())) {
                    worst = t;
                }
                if (t.levelNumber() >= ALERT) {
                    alerts.add(new AlertGate(p.provinceId(), t.gate(), t.nameVi(), t.nameEn(), t.levelNumber(), t.level(),
                            t.levelVi(), t.levelEn(), t.waiting()));
                }
                // Wagons are not trucks: the railway stations stay out of the road count.
                if (g.kind() == GateKind.ROAD) {
                    road += t.exportVehiclesToday() + t.importVehiclesToday();
                    Double day = Board.usualDay(model, t.gate(), t.date());
                    if (day != null) {
                        usual += day * shareByNow;
                        anyUsual = true;
                    }
                }
            }
            Long usualByNow = anyUsual ? Math.round(usual) : null;
            BigDecimal ofUsual = usualByNow == null || usualByNow == 0 ? null
                    : BigDecimal.valueOf(road * 100.0 / usualByNow).setScale(1, RoundingMode.HALF_UP);
            LocalDate today = local.toLocalDate();
            PlanProgress plan = PlanProgress.of(model, today.getYear(), today);
            BigDecimal percent = plan.total().percentOfPlan();
            Boolean onPace = percent == null ? null : percent.compareTo(plan.pacePercent().subtract(PACE_TOLERANCE)) >= 0;
            lines.add(new ProvinceLine(p.provinceId(), p.provinceVi(), p.provinceEn(), p.all().size(), road, usualByNow,
                    ofUsual, worst == null ? 0 : worst.levelNumber(), worst == null ? "normal" : worst.level(),
                    worst == null ? "Bình thường" : worst.levelVi(), worst == null ? "Normal" : worst.levelEn(),
                    worst == null ? null : worst.gate(), worst == null ? null : worst.nameVi(),
                    worst == null ? null : worst.nameEn(), plan.planSet(), percent, plan.pacePercent(), onPace));
        }
        alerts.sort(Comparator.comparingInt(AlertGate::level).reversed().thenComparing(AlertGate::waiting,
                Comparator.reverseOrder()));
        return new NationalBoard(now, lines, alerts);
    }

    /** Boards of single provinces (each read under its own model's lock) as one, alerts worst first. */
    static NationalBoard merge(List<NationalBoard> parts, Instant now) {
        List<ProvinceLine> lines = new ArrayList<>();
        List<AlertGate> alerts = new ArrayList<>();
        parts.forEach(b -> {
            lines.addAll(b.provinces());
            alerts.addAll(b.alerts());
        });
        alerts.sort(Comparator.comparingInt(AlertGate::level).reversed().thenComparing(AlertGate::waiting,
                Comparator.reverseOrder()));
        return new NationalBoard(now, lines, alerts);
    }

    /** The share of a usual day's vehicles cleared by {@code hour}:{@code minute}, by the common day profile. */
    static double shareOfDayBy(int hour, int minute) {
        double share = 0;
        for (int h = 0; h < hour; h++) {
            share += TrafficProfile.hourShare(h);
        }
        return share + TrafficProfile.hourShare(hour) * minute / 60.0;
    }
}
