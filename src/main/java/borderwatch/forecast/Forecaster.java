package borderwatch.forecast;

import borderwatch.congestion.Congestion;
import borderwatch.congestion.QueueState;
import borderwatch.congestion.QueueModel;
import borderwatch.gate.Direction;
import borderwatch.gate.GateConfig;
import borderwatch.gate.LevelPolicy;
import borderwatch.gate.ResponsePlanEffects;
import borderwatch.readmodel.ReadModel;
import borderwatch.traffic.TrafficProfile;
import borderwatch.traffic.Traffic;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs each gate's queue forward 12 hours from the live state, in 15-minute steps, with the drills'
 * queue model: trucks waiting now (split into lanes by what each lane cleared lately); arrivals at
 * the usual rate for the hour (the simulator's calibration) scaled by how today runs against it; the
 * clearance rate actually reached while a queue stood, instead of the configured capacity; and the
 * response plans in effect, plus any the caller adds ("what if we act now"). Reads the model, writes
 * nothing.
 */
public final class Forecaster {

    public static final Duration STEP = Duration.ofMinutes(15);
    public static final int STEPS = 48;
    /** A queue this long means the gate cleared as fast as it could: its rate is its capacity now. */
    static final int QUEUE_FOR_RATE = 20;
    static final double MIN_TODAY = 0.5;
    /** A lane that cleared this share of its capacity was running full. */
    static final double LANE_FULL = 0.9;
    static final double MAX_TODAY = 2.0;

    /** One step ahead: the state at {@code at}. */
    public record Point(Instant at, int waiting, double yardOccupancy, int level, String levelId, Integer expectedWaitMinutes) {
    }

    /** The first level above today's that the forecast reaches, when it does. */
    public record Warning(int level, String levelId, String levelVi, String levelEn, Instant expectedAt, long minutesAhead) {
    }

    /**
     * One gate's forecast. {@code todayFactor} is how today runs against the usual day so far;
     * {@code capacityFactor} the share of configured capacity the gate reached lately.
     */
    public record GateForecast(String gate, Instant from, int levelNow, double todayFactor, double capacityFactor,
                               boolean fromQueueReport, List<Point> points, Warning warning) {

        public int peakWaiting() {
            return points.stream().mapToInt(Point::waiting).max().orElse(0);
        }

        /** Waiting trucks × hours over the horizon. */
        public double truckHours() {
            return points.stream().mapToDouble(p -> p.waiting() * STEP.toMinutes() / 60.0).sum();
        }
    }

    private final ReadModel model;
    private final Instant now;
    private final TrafficProfile profile;

    private Forecaster(ReadModel model, Instant now) {
        this.model = model;
        this.now = now;
        this.profile = new TrafficProfile(model.gates().all());
    }

    /** Every configured gate; {@code added} are plans applied now on top of those in effect. */
    public static Map<String, GateForecast> run(ReadModel model, Instant now, Map<String, ResponsePlanEffects> added) {
        return new Forecaster(model, now).run(added);
    }

    private Map<String, GateForecast> run(Map<String, ResponsePlanEffects> added) {
        List<GateConfig> gates = model.gates().all();
        QueueModel queues = new QueueModel(gates);
        Map<String, Double> today = new HashMap<>();
        Map<String, Double> capacity = new HashMap<>();
        Map<String, ResponsePlanEffects> plans = new HashMap<>();
        Map<String, Boolean> fromReport = new HashMap<>();
        Congestion congestion = Congestion.of(model);
        for (GateConfig g : gates) {
            QueueState q = congestion.queue(g.id());
            boolean fresh = q.observedAt() != null && !q.observedAt().isBefore(now.minus(ExpectedWait.FRESH));
            fromReport.put(g.id(), fresh);
            long[] lately = Traffic.of(model).clearedInLast(g.id(), minute(now), ExpectedWait.RATE_WINDOW_MINUTES);
            double hours = ExpectedWait.RATE_WINDOW_MINUTES / 60.0;
            // How busy each lane was: what it cleared against what it can clear.
            double exportBusy = lately[0] / hours / g.exportPerHour();
            double importBusy = lately[1] / hours / g.importPerHour();
            int waiting = fresh ? q.waiting() : 0;
            double exportShare = laneShare(exportBusy, importBusy, lately, g);
            queues.seed(g.id(), waiting * exportShare, waiting * (1 - exportShare));
            today.put(g.id(), todayFactor(g));
            // With a queue standing, the busier lane cleared as fast as the gate let it: that is the gate's pace
            // now (0 when it is closed); a lane with nothing to clear says nothing about it.
            capacity.put(g.id(), fresh && waiting >= QUEUE_FOR_RATE ? Math.min(1.5, Math.max(exportBusy, importBusy)) : 1.0);
            congestion.activeResponsePlan(g.id()).ifPresent(p -> plans.put(g.id(), g.levels().config(p.level()).effects()));
        }
        plans.putAll(added);
        Map<String, List<Point>> points = new LinkedHashMap<>();
        Map<String, Integer> levels = new HashMap<>();
        gates.forEach(g -> {
            points.put(g.id(), new ArrayList<>());
            levels.put(g.id(), congestion.level(g.id()));
        });
        Instant at = now;
        for (int step = 0; step < STEPS; step++) {
            List<QueueModel.GateStep> out = queues.step(at, STEP,
                    (g, d, t) -> arrivals(g, d, t) * today.get(g.id()), (g, t) -> capacity.get(g.id()), plans);
            for (QueueModel.GateStep s : out) {
                GateConfig g = model.gates().get(s.gate());
                LevelPolicy policy = g.levels();
                int level = policy.next(levels.get(g.id()), (int) Math.round(s.waiting()), s.yardOccupancy());
                levels.put(g.id(), level);
                double perHour = g.clearancePerHour() * capacity.get(g.id())
                        * (1 + plans.getOrDefault(g.id(), ResponsePlanEffects.NONE).extraCapacityPercent() / 100.0);
                Integer wait = perHour < ExpectedWait.STALLED_PER_HOUR ? ExpectedWait.CAP_MINUTES
                        : (int) Math.min(ExpectedWait.CAP_MINUTES, Math.round(s.waiting() / perHour * 60));
                points.get(g.id()).add(new Point(s.at(), (int) Math.round(s.waiting()), round3(s.yardOccupancy()), level,
                        policy.idOf(level), wait));
            }
            at = at.plus(STEP);
        }
        Map<String, GateForecast> result = new LinkedHashMap<>();
        for (GateConfig g : gates) {
            int levelNow = congestion.level(g.id());
            result.put(g.id(), new GateForecast(g.id(), now, levelNow, round3(today.get(g.id())),
                    round3(capacity.get(g.id())), fromReport.get(g.id()), List.copyOf(points.get(g.id())),
                    warning(g, levelNow, points.get(g.id()))));
        }
        return result;
    }

    /**
     * The share of the reported queue (one figure for the gate) that waits for the export lane: all of
     * it for a lane that ran full while the other did not, else in proportion to what each cleared.
     */
    private static double laneShare(double exportBusy, double importBusy, long[] lately, GateConfig g) {
        boolean exportFull = exportBusy >= LANE_FULL;
        boolean importFull = importBusy >= LANE_FULL;
        if (exportFull != importFull) {
            return exportFull ? 1.0 : 0.0;
        }
        if (exportFull || lately[0] + lately[1] == 0) {
            return (double) g.exportPerHour() / g.clearancePerHour();
        }
        return (double) lately[0] / (lately[0] + lately[1]);
    }

    private Warning warning(GateConfig g, int levelNow, List<Point> points) {
        for (Point p : points) {
            if (p.level() > levelNow) {
                var config = g.levels().config(p.level());
                return new Warning(p.level(), p.levelId(), config.nameVi(), config.nameEn(), p.at(),
                        Duration.between(now, p.at()).toMinutes());
            }
        }
        return null;
    }

    private double arrivals(GateConfig g, Direction d, Instant at) {
        return profile.dailyVehicles(g, d) * TrafficProfile.hourShare(at.atZone(g.zone()).getHour());
    }

    /** Cleared today so far against the usual day up to this hour, within 0,5–2; 1 early in the day. */
    private double todayFactor(GateConfig g) {
        ZonedDateTime local = now.atZone(g.zone());
        LocalDate date = local.toLocalDate();
        double usual = 0;
        for (int h = 0; h < local.getHour(); h++) {
            usual += (profile.dailyVehicles(g, Direction.EXPORT) + profile.dailyVehicles(g, Direction.IMPORT))
                     * TrafficProfile.hourShare(h);
        }
        if (usual < 20) {
            return 1.0;
        }
        long cleared = Traffic.of(model).day(g.id(), date).vehicles();
        return Math.max(MIN_TODAY, Math.min(MAX_TODAY, cleared / usual));
    }

    private static long minute(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 60);
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
