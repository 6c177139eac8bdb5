package borderwatch.forecast;

import borderwatch.congestion.Congestion;
import borderwatch.congestion.QueueModel;
import borderwatch.congestion.QueueState;
import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.LevelPolicy;
import borderwatch.province.ResponsePlanEffects;
import borderwatch.readmodel.ReadModel;
import borderwatch.traffic.Traffic;
import borderwatch.traffic.TrafficProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs each gate's queue forward 12 hours from the live state, in 15-minute steps, with the drills'
 * queue model: trucks waiting now, in the lane that ran full; arrivals per lane at the usual rate for
 * the hour scaled by how many actually arrived lately (cleared plus the queue's growth, see
 * {@link QueueTrend}); the gate's capacity, or the pace it actually kept when that is clearly lower
 * (closed: nothing, until it is assumed to reopen); and the response plans in effect, plus any the
 * caller adds ("what if we act now"). Reads the model, writes nothing.
 */
public final class Forecaster {

    public static final Duration STEP = Duration.ofMinutes(15);
    public static final int STEPS = 48;
    /** A level forecast further ahead than this is drawn but not yet warned of: the far end of the curve is the least sure. */
    public static final Duration WARNING_HORIZON = Duration.ofHours(6);
    /**
     * A gate that stopped clearing is assumed to reopen this long from now. Most stoppages are short; a
     * long closure shows anyway, as each new forecast starts from a longer queue.
     */
    static final Duration REOPEN_AFTER = Duration.ofHours(2);
    /** A slowdown that has lasted this long is taken for a campaign, expected to run on (see {@code slowdownLeft}). */
    static final Duration CAMPAIGN_AFTER = Duration.ofHours(24);
    /** With fewer waiting than this, the gate's pace says nothing about its capacity. */
    static final int QUEUE_FOR_RATE = 20;
    /** A lane whose count is within this many standard deviations (Poisson) of its capacity ran full. */
    static final double FULL_SIGMAS = 2;
    /** A lane holding the queue that cleared this many standard deviations below capacity is slowed or closed. */
    static final double SLOWED_SIGMAS = 2.5;
    /** The pace now is measured over this window. */
    static final int PACE_MINUTES = 60;
    /** Which lane holds the queue is judged over this window: a low-capacity lane needs hours to tell full from busy. */
    static final int SPLIT_MINUTES = 180;
    /** Arrivals now are measured over at least this window, and over at least {@link #MIN_USUAL_VEHICLES} usual trucks. */
    static final int ARRIVAL_MINUTES = 180;
    static final double MIN_USUAL_VEHICLES = 40;
    /** The recent arrival rate leans on the day's by this many trucks, the day's on the usual profile by {@link #DAY_PRIOR_VEHICLES}. */
    static final double PRIOR_VEHICLES = 20;
    static final double DAY_PRIOR_VEHICLES = 50;
    static final int DAY_MINUTES = 24 * 60;
    static final int TREND_SLACK_MINUTES = 15;
    static final double MIN_ARRIVALS = 0.3;
    static final double MAX_ARRIVALS = 4.0;
    /** A queue report older than this is not carried forward: the forecast starts from no queue. */
    static final Duration CARRY_FORWARD = Duration.ofHours(12);
    /** Hours of a gate's own history before the forecast trusts what it learned of the gate's day. */
    static final int LEARNED_HOURS = 72;

    /** One step ahead: the state at {@code at}. */
    public record Point(Instant at, int waiting, double yardOccupancy, int level, String levelId, Integer expectedWaitMinutes) {
    }

    /** The first level above today's that the forecast reaches, when it does. */
    public record Warning(int level, String levelId, String levelVi, String levelEn, Instant expectedAt, long minutesAhead) {
    }

    /**
     * One gate's forecast. {@code exportArrivals} and {@code importArrivals} are how many trucks arrive
     * lately against the usual number; {@code capacityFactor} the share of capacity the gate keeps
     * until {@link #REOPEN_AFTER} (1 unless clearly slowed, 0 closed).
     */
    public record GateForecast(String gate, Instant from, int levelNow, double exportArrivals, double importArrivals,
                               double capacityFactor, boolean fromQueueReport, boolean queueEstimated, List<Point> points,
                               Warning warning) {

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
    private final GateRhythm rhythm;

    private Forecaster(ReadModel model, Instant now) {
        this.model = model;
        this.now = now;
        this.profile = new TrafficProfile(model.gates().all());
        this.rhythm = GateRhythm.of(model);
    }

    /** Every configured gate; {@code added} are plans applied now on top of those in effect. */
    public static Map<String, GateForecast> run(ReadModel model, Instant now, Map<String, ResponsePlanEffects> added) {
        return new Forecaster(model, now).run(added);
    }

    /** One gate through a run: what it starts from, then its level and points as the run goes on. */
    private static final class GateRun {

        final GateConfig gate;
        final boolean fromReport;
        boolean estimated;
        final double[] arrivals;
        final double capacity;
        final int levelNow;
        final Instant paceUntil;
        int level;
        final List<Point> points = new ArrayList<>();

        GateRun(GateConfig gate, boolean fromReport, double[] arrivals, double capacity, int levelNow, Instant paceUntil) {
            this.gate = gate;
            this.fromReport = fromReport;
            this.arrivals = arrivals;
            this.capacity = capacity;
            this.levelNow = levelNow;
            this.level = levelNow;
            this.paceUntil = paceUntil;
        }
    }

    private Map<String, GateForecast> run(Map<String, ResponsePlanEffects> added) {
        List<GateConfig> gates = model.gates().all();
        QueueModel queues = new QueueModel(gates);
        Map<String, GateRun> runs = new LinkedHashMap<>();
        Map<String, ResponsePlanEffects> plans = new HashMap<>();
        Congestion congestion = Congestion.of(model);
        QueueTrend trend = QueueTrend.of(model);
        Traffic traffic = Traffic.of(model);
        long nowMinute = minute(now);
        for (GateConfig g : gates) {
            QueueState q = congestion.queue(g.id());
            boolean fresh = q.observedAt() != null && !q.observedAt().isBefore(now.minus(ExpectedWait.FRESH));
            Integer carried = fresh ? null : carriedForward(g, q, traffic, nowMinute);
            int waiting = fresh ? q.waiting() : carried == null ? 0 : carried;
            double exportShare = laneShare(traffic.clearedInLast(g.id(), nowMinute, SPLIT_MINUTES), couldLately(g, SPLIT_MINUTES), g);
            queues.seed(g.id(), waiting * exportShare, waiting * (1 - exportShare));
            double[] couldLately = couldLately(g, PACE_MINUTES);
            double capacity = fresh && waiting >= QUEUE_FOR_RATE && couldLately[0] + couldLately[1] > 0
                    ? pace(traffic.clearedInLast(g.id(), nowMinute, PACE_MINUTES), couldLately, exportShare) : 1.0;
            GateRun run = new GateRun(g, fresh, arrivalFactors(g, traffic, trend, fresh ? waiting : null, nowMinute),
                    capacity, congestion.level(g.id()), now.plus(slowdownLeft(g, capacity)));
            run.estimated = carried != null;
            runs.put(g.id(), run);
            congestion.activeResponsePlan(g.id()).ifPresent(p -> plans.put(g.id(), g.levels().config(p.level()).effects()));
        }
        plans.putAll(added);
        QueueModel.Capacity capacityAt = (g, t) -> {
            GateRun run = runs.get(g.id());
            return dayCapacity(g, t) * (t.isBefore(run.paceUntil) ? run.capacity : 1.0);
        };
        Instant at = now;
        for (int step = 0; step < STEPS; step++) {
            List<QueueModel.GateStep> out = queues.step(at, STEP,
                    (g, d, t) -> usualPerHour(g, d, t) * runs.get(g.id()).arrivals[d == Direction.EXPORT ? 0 : 1],
                    capacityAt, plans);
            for (QueueModel.GateStep s : out) {
                GateRun run = runs.get(s.gate());
                LevelPolicy policy = run.gate.levels();
                run.level = policy.next(run.level, (int) Math.round(s.waiting()), s.yardOccupancy());
                double perHour = run.gate.clearancePerHour() * capacityAt.factor(run.gate, s.at())
                        * (1 + plans.getOrDefault(s.gate(), ResponsePlanEffects.NONE).extraCapacityPercent() / 100.0);
                run.points.add(new Point(s.at(), (int) Math.round(s.waiting()), round3(s.yardOccupancy()), run.level,
                        policy.idOf(run.level), ExpectedWait.minutesToClear(s.waiting(), perHour)));
            }
            at = at.plus(STEP);
        }
        Map<String, GateForecast> result = new LinkedHashMap<>();
        for (GateRun run : runs.values()) {
            result.put(run.gate.id(), new GateForecast(run.gate.id(), now, run.levelNow, round3(run.arrivals[0]),
                    round3(run.arrivals[1]), round3(run.capacity), run.fromReport, run.estimated, List.copyOf(run.points),
                    warning(run.gate, run.levelNow, run.points)));
        }
        return result;
    }

    /**
     * The share of the reported queue (one figure for the gate) that waits for the export lane: all of
     * it for a lane that ran full while the other did not, else in proportion to what each cleared.
     */
    private static double laneShare(long[] lately, double[] could, GateConfig g) {
        boolean exportFull = !clearlyBelow(lately[0], could[0], FULL_SIGMAS);
        boolean importFull = !clearlyBelow(lately[1], could[1], FULL_SIGMAS);
        if (exportFull != importFull) {
            return exportFull ? 1.0 : 0.0;
        }
        if (exportFull || lately[0] + lately[1] == 0) {
            return (double) g.exportPerHour() / g.clearancePerHour();
        }
        return (double) lately[0] / (lately[0] + lately[1]);
    }

    /**
     * The gate's pace while a queue stands, as a share of its capacity: what the lane holding the queue
     * cleared against what it could, when that is clearly less (slowed, or 0 when closed); else 1, as a
     * short count's noise says nothing more.
     */
    private static double pace(long[] lately, double[] could, double exportShare) {
        int lane = exportShare >= 0.5 ? 0 : 1;
        return clearlyBelow(lately[lane], could[lane], SLOWED_SIGMAS) ? lately[lane] / could[lane] : 1.0;
    }

    /** What each lane clears at capacity in {@code minutes}. */
    private static double[] could(GateConfig g, int minutes) {
        return new double[] {g.exportPerHour() * minutes / 60.0, g.importPerHour() * minutes / 60.0};
    }

    /** Whether {@code count} is below what a lane at capacity clears ({@code expected}, Poisson) by more than chance. */
    private static boolean clearlyBelow(long count, double expected, double sigmas) {
        return count < expected - sigmas * Math.sqrt(expected);
    }

    private Warning warning(GateConfig g, int levelNow, List<Point> points) {
        for (Point p : points) {
            if (p.at().isAfter(now.plus(WARNING_HORIZON))) {
                break;
            }
            if (p.level() > levelNow) {
                var config = g.levels().config(p.level());
                return new Warning(p.level(), p.levelId(), config.nameVi(), config.nameEn(), p.at(),
                        Duration.between(now, p.at()).toMinutes());
            }
        }
        return null;
    }

    /**
     * Trucks that usually arrive in an hour like {@code at}'s: what the gate's own history shows once it
     * has {@link #LEARNED_HOURS} hours of it, else the configured usual day spread by the common profile.
     */
    private double usualPerHour(GateConfig g, Direction d, Instant at) {
        if (rhythm != null && rhythm.hoursLearned(g.id()) >= LEARNED_HOURS) {
            Double learned = rhythm.arrivalsPerHour(g, d, at);
            if (learned != null) {
                return learned;
            }
        }
        return profile.dailyVehicles(g, d) * TrafficProfile.hourShare(at.atZone(g.zone()).getHour());
    }

    /**
     * The share of its capacity the gate has at {@code t} on a usual day: none outside its opening hours
     * or on a holiday it is shut, nor in an hour of the day its history shows it shut (it cleared
     * nothing on most recent days), which finds the hours of a gate the file gives none.
     */
    private double dayCapacity(GateConfig g, Instant t) {
        double open = model.gates().hours(g.id()).capacityShare(t, g.zone());
        if (open == 0 || rhythm == null || rhythm.hoursLearned(g.id()) < LEARNED_HOURS) {
            return open;
        }
        return rhythm.usuallyShut(g, t) ? 0 : open;
    }

    /**
     * The queue now, when the last report is older than {@link ExpectedWait#FRESH} but not older than
     * {@link #CARRY_FORWARD}: that report's queue, plus the trucks that usually arrive since, less
     * those cleared since. Null when there is no such report: the forecast then starts from no queue.
     */
    private Integer carriedForward(GateConfig g, QueueState q, Traffic traffic, long nowMinute) {
        if (q.observedAt() == null || q.observedAt().isAfter(now) || q.observedAt().isBefore(now.minus(CARRY_FORWARD))) {
            return null;
        }
        int minutes = (int) Duration.between(q.observedAt(), now).toMinutes();
        double arrived = 0;
        for (int back = 0; back < minutes; back += 15) {
            Instant t = now.minus(Duration.ofMinutes(back + 15));
            double hours = Math.min(15, minutes - back) / 60.0;
            arrived += (usualPerHour(g, Direction.EXPORT, t) + usualPerHour(g, Direction.IMPORT, t)) * hours;
        }
        long[] cleared = traffic.clearedInLast(g.id(), nowMinute, minutes);
        return (int) Math.max(0, Math.round(q.waiting() + arrived - cleared[0] - cleared[1]));
    }

    /** What each lane could clear over the last {@code minutes}, by the gate's day (shut hours clear nothing). */
    private double[] couldLately(GateConfig g, int minutes) {
        double[] could = new double[2];
        for (int back = 0; back < minutes; back += 15) {
            Instant t = now.minus(Duration.ofMinutes(back + 15));
            double share = Math.min(15, minutes - back) / 60.0 * dayCapacity(g, t);
            could[0] += g.exportPerHour() * share;
            could[1] += g.importPerHour() * share;
        }
        return could;
    }

    /**
     * How long a gate keeps the pace it has now. Stopped in its open hours, or slowed for less than
     * {@link #CAMPAIGN_AFTER}: {@link #REOPEN_AFTER} (most stoppages are short, and a long one shows as
     * each forecast starts from a longer queue). Slowed for longer (an inspection campaign, in
     * practice): its slowdowns' usual length less the time this one has lasted, never less than half of
     * that time (the longer a campaign has run, the longer it is likely to run on), nor less than an hour.
     */
    private Duration slowdownLeft(GateConfig g, double capacity) {
        if (capacity >= 1.0) {
            return Duration.ZERO;
        }
        if (capacity == 0) {
            // A gate standing still in its open hours (a breakdown, a closure) mostly moves again soon.
            return REOPEN_AFTER;
        }
        Integer typical = rhythm == null ? null : rhythm.typicalSlowdownHours(g.id());
        Instant since = rhythm == null ? null : rhythm.slowedSince(g.id());
        if (since == null || Duration.between(since, now).compareTo(CAMPAIGN_AFTER) < 0) {
            // A slowdown less than a day old is as likely a stoppage starting or ending: it is given the short reopening.
            return REOPEN_AFTER;
        }
        Duration lasted = Duration.between(since, now);
        Duration usual = typical == null ? REOPEN_AFTER : Duration.ofHours(typical);
        Duration left = usual.minus(lasted);
        Duration half = lasted.dividedBy(2);
        Duration longest = left.compareTo(half) > 0 ? left : half;
        return longest.compareTo(Duration.ofHours(1)) > 0 ? longest : Duration.ofHours(1);
    }

    /**
     * How many trucks arrived per lane lately against the usual number. Arrivals are what was cleared
     * plus what the queue grew by, so a surge shows even while the gate clears at capacity. Counts are
     * small, so the last hours lean on the last day by {@link #PRIOR_VEHICLES} trucks and the day on
     * the usual profile by {@link #DAY_PRIOR_VEHICLES}: a few odd trucks do not move the forecast, a
     * day-long surge does.
     */
    private double[] arrivalFactors(GateConfig g, Traffic traffic, QueueTrend trend, Integer waiting, long nowMinute) {
        // Only minutes the gate has reported for count: a store a few hours old says nothing about yesterday.
        long covered = Math.min(DAY_MINUTES, nowMinute - traffic.clearingSince(g.id()) + 1);
        double[] day = arrivalFactors(g, traffic, trend, waiting, nowMinute, covered, DAY_MINUTES, SeasonalPrior.of(g, traffic, now),
                DAY_PRIOR_VEHICLES);
        return arrivalFactors(g, traffic, trend, waiting, nowMinute, covered, ARRIVAL_MINUTES, day, PRIOR_VEHICLES);
    }

    private double[] arrivalFactors(GateConfig g, Traffic traffic, QueueTrend trend, Integer waiting,
                                    long nowMinute, long covered, int minWindow, double[] prior, double priorVehicles) {
        double[] factors = new double[2];
        for (Direction d : Direction.values()) {
            int i = d == Direction.EXPORT ? 0 : 1;
            // At night a few hours hold few trucks: look back until the usual count is worth measuring against.
            int window = 0;
            double[] usual = new double[2];
            while ((window < minWindow || usual[i] < MIN_USUAL_VEHICLES) && window + 15 <= covered) {
                window += 15;
                Instant at = Instant.ofEpochSecond((nowMinute - window) * 60);
                usual[0] += usualPerHour(g, Direction.EXPORT, at) / 4;
                usual[1] += usualPerHour(g, Direction.IMPORT, at) / 4;
            }
            long[] cleared = traffic.clearedInLast(g.id(), nowMinute, window);
            Integer before = waiting == null ? null : trend.waitingAt(g.id(), nowMinute - window, TREND_SLACK_MINUTES);
            if (window == 0 || before == null && cleared[0] + cleared[1] == 0) {
                // Nothing reported over the window: no evidence either way, not evidence of no trucks.
                factors[i] = prior[i];
                continue;
            }
            double grew = before == null ? 0 : waiting - before;
            double share = growthShare(g, grew, cleared, usual, prior, window)[i];
            double arrived = Math.max(0, cleared[i] + grew * share);
            factors[i] = Math.max(MIN_ARRIVALS, Math.min(MAX_ARRIVALS,
                    (arrived + prior[i] * priorVehicles) / (usual[i] + priorVehicles)));
        }
        return factors;
    }

    /**
     * Which lane the queue grew or shrank in over a window (one figure is reported for both). A queue
     * grows in the lane that ran full; it shrinks in the lane that cleared more than usually arrives (a
     * backlog going out), so a backlog cleared is not mistaken for trucks arriving.
     */
    private static double[] growthShare(GateConfig g, double grew, long[] cleared, double[] usual, double[] prior, int window) {
        if (grew < 0) {
            double exportExcess = Math.max(0, cleared[0] - usual[0] * prior[0]);
            double importExcess = Math.max(0, cleared[1] - usual[1] * prior[1]);
            if (exportExcess + importExcess > 0) {
                double e = exportExcess / (exportExcess + importExcess);
                return new double[] {e, 1 - e};
            }
        }
        double e = laneShare(cleared, could(g, window), g);
        return new double[] {e, 1 - e};
    }

    private static long minute(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), 60);
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
