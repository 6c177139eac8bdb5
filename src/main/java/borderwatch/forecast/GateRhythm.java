package borderwatch.forecast;

import borderwatch.gate.GateDecision.LevelCleared;
import borderwatch.gate.GateDecision.LevelRaised;
import borderwatch.gate.GateDecision.ResponsePlanActivated;
import borderwatch.gate.GateDecision.ResponsePlanStoodDown;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.Province;
import borderwatch.shared.EventRoutes;
import borderwatch.readmodel.Fold;
import borderwatch.readmodel.ReadModel;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each gate's day as its own history shows it, hour by hour in the gate's zone: how many trucks
 * arrive per lane (what was cleared plus what the queue grew by, so trucks that come at night and
 * wait for the opening count), by hour of the day and of the week; the hours of the day it clears
 * nothing on most days (shut, whether or not the province file says so); and how long its past
 * slowdowns (an open gate clearing under half its capacity while trucks wait) lasted. The forecast
 * reads this instead of a fixed profile once a gate has a few days of history.
 *
 * <p>Each hour is counted when the gate's next report after it arrives; an hour whose queue at the
 * start or the end is unknown (no queue report within {@link #STALE_MINUTES}) teaches nothing of
 * arrivals, and an hour holding more than twice the gate's capacity (a day's total sent at once) or
 * a report older than the hour being counted teaches nothing at all.
 */
public final class GateRhythm implements Fold {

    /** Weight of a new day in an hour-of-day average: about the last ten days count. */
    static final double DAY_WEIGHT = 0.1;
    /** Weight of a new week in an hour-of-week average: about the last three weeks count. */
    static final double WEEK_WEIGHT = 0.3;
    /** A queue of at least this many through an hour means the gate ran at what it could. */
    static final int BUSY_QUEUE = 20;
    /** A queue report this close to an hour's edge gives the queue at that edge. */
    static final int STALE_MINUTES = 30;
    /** An hour this far below the gate's capacity, open and with a queue, is a slowed hour. */
    static final double SLOWED_SHARE = 0.5;
    /** Gaps longer than this are not counted hour by hour: nothing is known of them. */
    static final int MAX_GAP_HOURS = 48;
    static final int KEEP_SLOWDOWNS = 20;
    /** An hour of the day that cleared nothing on this share of recent days, of at least {@link #SHUT_DAYS}, is shut. */
    static final double SHUT_SHARE = 0.8;
    static final int SHUT_DAYS = 5;

    private static final EventRoutes<GateRhythm> ROUTES = new EventRoutes<GateRhythm>()
            .on(VehiclesCleared.class, GateRhythm::cleared)
            .on(QueueObserved.class, GateRhythm::observed)
            .ignore(TurnoverRecorded.class, LevelRaised.class, LevelCleared.class, ResponsePlanActivated.class,
                    ResponsePlanStoodDown.class);

    /** An average of one hour of the day (or week): arrivals per lane, and how often it cleared nothing. */
    static final class Slot {
        double arrivedExport;
        double arrivedImport;
        int arrivalSamples;
        double shutShare;
        int samples;

        Slot copy() {
            Slot c = new Slot();
            c.shutShare = shutShare;
            c.samples = samples;
            c.arrivedExport = arrivedExport;
            c.arrivedImport = arrivedImport;
            c.arrivalSamples = arrivalSamples;
            return c;
        }
    }

    /** One gate: the hour being counted, and what each hour of the day and week has taught so far. */
    static final class GateState {
        long hour = Long.MIN_VALUE;
        long[] cleared = new long[2];
        Integer startWaiting;
        int lastWaiting;
        long lastObservedMinute = Long.MIN_VALUE;
        Slot[] byDay = newSlots(24);
        Slot[] byWeek = newSlots(168);
        long slowedSince = -1;
        List<Integer> slowdowns = new ArrayList<>();
        int hoursLearned;

        GateState copy() {
            GateState c = new GateState();
            c.hour = hour;
            c.cleared = cleared.clone();
            c.startWaiting = startWaiting;
            c.lastWaiting = lastWaiting;
            c.lastObservedMinute = lastObservedMinute;
            for (int i = 0; i < 24; i++) {
                c.byDay[i] = byDay[i].copy();
            }
            for (int i = 0; i < 168; i++) {
                c.byWeek[i] = byWeek[i].copy();
            }
            c.slowedSince = slowedSince;
            c.slowdowns = new ArrayList<>(slowdowns);
            c.hoursLearned = hoursLearned;
            return c;
        }
    }

    // The province is configuration, not state: a checkpoint does not carry it.
    private final transient Province province;
    private final Map<String, GateState> gates = new HashMap<>();

    public GateRhythm(Province province) {
        this.province = province;
    }

    public static GateRhythm of(ReadModel model) {
        return model.get(GateRhythm.class);
    }

    private static Slot[] newSlots(int n) {
        Slot[] s = new Slot[n];
        for (int i = 0; i < n; i++) {
            s[i] = new Slot();
        }
        return s;
    }

    private GateState state(String gate) {
        return province.find(gate).isPresent() ? gates.computeIfAbsent(gate, g -> new GateState()) : null;
    }

    private void cleared(VehiclesCleared v) {
        GateState s = state(v.gate());
        if (s != null && advance(v.gate(), s, hourOf(v.at()))) {
            s.cleared[v.direction() == Direction.EXPORT ? 0 : 1] += v.vehicles();
        }
    }

    private void observed(QueueObserved q) {
        GateState s = state(q.gate());
        if (s == null) {
            return;
        }
        long minute = Math.floorDiv(q.at().getEpochSecond(), 60);
        if (advance(q.gate(), s, Math.floorDiv(minute, 60)) && minute >= s.lastObservedMinute) {
            s.lastWaiting = q.waiting();
            s.lastObservedMinute = minute;
            if (s.startWaiting == null && minute - s.hour * 60 <= 5) {
                s.startWaiting = q.waiting();
            }
        }
    }

    /** Moves the gate's count on to {@code hour}, closing the hours before; false for a report older than the hour counted. */
    private boolean advance(String gate, GateState s, long hour) {
        if (hour < s.hour) {
            return false;
        }
        if (s.hour == Long.MIN_VALUE || hour - s.hour > MAX_GAP_HOURS) {
            s.hour = hour;
            s.cleared = new long[2];
            s.startWaiting = null;
            return true;
        }
        while (s.hour < hour) {
            Integer end = s.lastObservedMinute >= (s.hour + 1) * 60 - STALE_MINUTES ? s.lastWaiting : null;
            close(gate, s, end);
            s.hour++;
            s.cleared = new long[2];
            s.startWaiting = end;
        }
        return true;
    }

    private void close(String gate, GateState s, Integer end) {
        GateConfig g = province.get(gate);
        long total = s.cleared[0] + s.cleared[1];
        if (total > 2L * g.clearancePerHour()) {
            return;
        }
        Instant at = Instant.ofEpochSecond(s.hour * 3_600);
        ZonedDateTime local = at.atZone(g.zone());
        int hourOfDay = local.getHour();
        int hourOfWeek = (local.getDayOfWeek().getValue() - 1) * 24 + hourOfDay;
        Slot day = s.byDay[hourOfDay];
        Slot week = s.byWeek[hourOfWeek];
        // Whether the hour cleared nothing at all: a gate shut at that hour every day shows it this way.
        day.shutShare += (day.samples == 0 ? 1 : DAY_WEIGHT) * ((total == 0 ? 1 : 0) - day.shutShare);
        day.samples++;
        if (s.startWaiting != null && end != null) {
            double grew = end - s.startWaiting;
            double exportShare = total > 0 ? (double) s.cleared[0] / total : (double) g.exportPerHour() / g.clearancePerHour();
            double export = Math.max(0, s.cleared[0] + grew * exportShare);
            double imports = Math.max(0, s.cleared[1] + grew * (1 - exportShare));
            learnArrivals(day, export, imports, DAY_WEIGHT);
            learnArrivals(week, export, imports, WEEK_WEIGHT);
            s.hoursLearned++;
        }
        boolean busy = s.startWaiting != null && end != null && s.startWaiting >= BUSY_QUEUE && end >= BUSY_QUEUE;
        double open = province.hours(gate).capacityShare(at, g.zone());
        boolean slowed = busy && open > 0 && total < SLOWED_SHARE * g.clearancePerHour() * open;
        if (slowed && s.slowedSince < 0) {
            s.slowedSince = s.hour;
        } else if (!slowed && s.slowedSince >= 0 && open > 0) {
            // Shut hours neither begin nor end a slowdown: a campaign lasts through the nights.
            s.slowdowns.add((int) (s.hour - s.slowedSince));
            if (s.slowdowns.size() > KEEP_SLOWDOWNS) {
                s.slowdowns.remove(0);
            }
            s.slowedSince = -1;
        }
    }

    private static void learnArrivals(Slot slot, double export, double imports, double weight) {
        double w = slot.arrivalSamples == 0 ? 1 : weight;
        slot.arrivedExport += w * (export - slot.arrivedExport);
        slot.arrivedImport += w * (imports - slot.arrivedImport);
        slot.arrivalSamples++;
    }

    private static long hourOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 3_600);
    }

    private Slot slot(GateState s, GateConfig g, Instant at, boolean week) {
        ZonedDateTime local = at.atZone(g.zone());
        return week ? s.byWeek[(local.getDayOfWeek().getValue() - 1) * 24 + local.getHour()] : s.byDay[local.getHour()];
    }

    /** Hours of history this gate's arrivals were learned from. */
    public int hoursLearned(String gate) {
        GateState s = gates.get(gate);
        return s == null ? 0 : s.hoursLearned;
    }

    /** Trucks arriving per hour in {@code direction} at {@code at}'s hour, as history has it; null until it has enough. */
    public Double arrivalsPerHour(GateConfig g, Direction direction, Instant at) {
        GateState s = gates.get(g.id());
        if (s == null) {
            return null;
        }
        Slot week = slot(s, g, at, true);
        Slot day = slot(s, g, at, false);
        Slot use = week.arrivalSamples >= 2 ? week : day.arrivalSamples >= 3 ? day : null;
        if (use == null) {
            return null;
        }
        return direction == Direction.EXPORT ? use.arrivedExport : use.arrivedImport;
    }

    /**
     * Whether the gate usually clears nothing at {@code at}'s hour of the day: on at least
     * {@link #SHUT_SHARE} of the recent days, out of at least {@link #SHUT_DAYS} seen.
     */
    public boolean usuallyShut(GateConfig g, Instant at) {
        GateState s = gates.get(g.id());
        if (s == null) {
            return false;
        }
        Slot day = slot(s, g, at, false);
        return day.samples >= SHUT_DAYS && day.shutShare >= SHUT_SHARE;
    }

    /** The median length in hours of the gate's past slowdowns; null before the first ended. */
    public Integer typicalSlowdownHours(String gate) {
        GateState s = gates.get(gate);
        if (s == null || s.slowdowns.isEmpty()) {
            return null;
        }
        List<Integer> sorted = new ArrayList<>(s.slowdowns);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /** When the gate's slowdown in progress began (the start of its first slowed hour); null when none is. */
    public Instant slowedSince(String gate) {
        GateState s = gates.get(gate);
        return s == null || s.slowedSince < 0 ? null : Instant.ofEpochSecond(s.slowedSince * 3_600);
    }

    @Override
    public EventRoutes<?> routes() {
        return ROUTES;
    }

    @Override
    public GateRhythm copy() {
        GateRhythm c = new GateRhythm(province);
        gates.forEach((g, s) -> c.gates.put(g, s.copy()));
        return c;
    }
}
