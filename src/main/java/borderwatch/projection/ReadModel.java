package borderwatch.projection;

import borderwatch.gate.GateDecision;
import borderwatch.gate.GateConfig;
import borderwatch.gate.GateEvent;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.Gates;
import borderwatch.plan.PlanEvent;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every read model BorderWatch serves, folded from the event stream. Each entry is an immutable
 * value advanced by a pure function of (value, event); this class only keeps them by key and
 * remembers the last applied position, so applying an event twice (a replay overlap) is harmless.
 *
 * <p>Not thread-safe: one thread folds. {@link LiveReadModel} guards the live instance.
 */
public final class ReadModel {

    private final Gates gates;
    private final Map<String, NavigableMap<LocalDate, GateDay>> days = new HashMap<>();
    private final Map<String, QueueState> queues = new HashMap<>();
    private final Map<String, Integer> levels = new HashMap<>();
    private final Map<String, ActiveResponsePlan> activeResponsePlans = new HashMap<>();
    private final Map<String, MinuteBuckets> recent = new HashMap<>();
    private final Map<Integer, PlanFigures> plans = new HashMap<>();
    private final Map<String, ZoneId> zones = new HashMap<>();
    private final Map<String, LocalDays> localDays = new HashMap<>();
    private long position;
    private long applied;

    public ReadModel(Gates gates) {
        this.gates = gates;
        for (GateConfig g : gates.all()) {
            zones.put(g.id(), g.zone());
        }
    }

    /** Folds one event stored at {@code position}; returns false if it was already applied. */
    public boolean apply(long position, Object event) {
        if (position <= this.position) {
            return false;
        }
        this.position = position;
        apply(event);
        return true;
    }

    private void apply(Object event) {
        applied++;
        if (event instanceof VehiclesCleared v) {
            updateDay(v, day -> day.cleared(v.direction(), v.vehicles()));
            recent.computeIfAbsent(v.gate(), g -> new MinuteBuckets())
                  .add(Math.floorDiv(v.at().getEpochSecond(), 60), v.direction(), v.vehicles());
        } else if (event instanceof TurnoverRecorded t) {
            updateDay(t, day -> day.turnover(t.direction(), t.usdCents()));
        } else if (event instanceof QueueObserved q) {
            queues.put(q.gate(), queues.getOrDefault(q.gate(), QueueState.NONE).observe(q));
        } else if (event instanceof GateDecision.LevelRaised r) {
            levels.put(r.gate(), r.to());
        } else if (event instanceof GateDecision.LevelCleared c) {
            levels.put(c.gate(), c.to());
        } else if (event instanceof GateDecision.ResponsePlanActivated a) {
            activeResponsePlans.put(a.gate(), new ActiveResponsePlan(a.level(), a.by(), a.reason(), a.at()));
        } else if (event instanceof GateDecision.ResponsePlanStoodDown d) {
            activeResponsePlans.remove(d.gate());
        } else if (event instanceof PlanEvent p) {
            plans.put(p.year(), PlanFigures.fold(plans.get(p.year()), p));
        }
    }

    private void updateDay(GateEvent e, java.util.function.UnaryOperator<GateDay> change) {
        LocalDate date = localDays.computeIfAbsent(e.gate(), g -> new LocalDays(zoneOf(g))).dateOf(e.at());
        days.computeIfAbsent(e.gate(), g -> new TreeMap<>()).merge(date, change.apply(GateDay.EMPTY),
                (old, ignored) -> change.apply(old));
    }

    ZoneId zoneOf(String gate) {
        // A gate removed from configuration still has history; it is counted in the province's zone.
        return zones.getOrDefault(gate, gates.zone());
    }

    // ---- queries ------------------------------------------------------------------------------

    public Gates gates() {
        return gates;
    }

    /** Position of the last event folded in. */
    public long position() {
        return position;
    }

    /** How many events were folded into this instance. */
    public long appliedCount() {
        return applied;
    }

    public GateDay day(String gate, LocalDate date) {
        NavigableMap<LocalDate, GateDay> perGate = days.get(gate);
        GateDay d = perGate == null ? null : perGate.get(date);
        return d == null ? GateDay.EMPTY : d;
    }

    /** Sum for one gate over {@code [from, to]} inclusive. */
    public GateDay range(String gate, LocalDate from, LocalDate to) {
        NavigableMap<LocalDate, GateDay> perGate = days.get(gate);
        GateDay sum = GateDay.EMPTY;
        if (perGate != null && !from.isAfter(to)) {
            for (GateDay d : perGate.subMap(from, true, to, true).values()) {
                sum = sum.plus(d);
            }
        }
        return sum;
    }

    /** Sum over every gate with history, configured or not, over {@code [from, to]}. */
    public GateDay rangeAllGates(LocalDate from, LocalDate to) {
        GateDay sum = GateDay.EMPTY;
        for (String gate : days.keySet()) {
            sum = sum.plus(range(gate, from, to));
        }
        return sum;
    }

    public NavigableMap<LocalDate, GateDay> daysOf(String gate, LocalDate from, LocalDate to) {
        NavigableMap<LocalDate, GateDay> perGate = days.get(gate);
        if (perGate == null || from.isAfter(to)) {
            return new TreeMap<>();
        }
        return new TreeMap<>(perGate.subMap(from, true, to, true));
    }

    public java.util.Set<String> gatesWithHistory() {
        return java.util.Set.copyOf(days.keySet());
    }

    /** The response plan in effect at a gate, if any. */
    public Optional<ActiveResponsePlan> activeResponsePlan(String gate) {
        return Optional.ofNullable(activeResponsePlans.get(gate));
    }

    /** The gate's congestion level, 0 when normal. */
    public int level(String gate) {
        return levels.getOrDefault(gate, 0);
    }

    public QueueState queue(String gate) {
        return queues.getOrDefault(gate, QueueState.NONE);
    }

    /** Export and import vehicles cleared at a gate in the {@code minutes} up to {@code toMinute}. */
    public long[] clearedInLast(String gate, long toEpochMinute, long minutes) {
        MinuteBuckets b = recent.get(gate);
        return b == null ? new long[2] : b.sum(toEpochMinute, minutes);
    }

    /** Epoch minute at which the first of the 24 clock hours returned by {@link #hourlyClearances} starts. */
    public static long firstHourOfWindow(long toEpochMinute) {
        return MinuteBuckets.firstHourOfWindow(toEpochMinute);
    }

    public long[][] hourlyClearances(String gate, long toEpochMinute) {
        MinuteBuckets b = recent.get(gate);
        return b == null ? new long[24][2] : b.hourly(toEpochMinute);
    }

    public Optional<PlanFigures> plan(int year) {
        return Optional.ofNullable(plans.get(year));
    }

    /** A deep copy, so a query can work on a consistent state without holding the live lock. */
    public ReadModel copy() {
        ReadModel c = new ReadModel(gates);
        days.forEach((g, m) -> c.days.put(g, new TreeMap<>(m)));
        c.queues.putAll(queues);
        c.levels.putAll(levels);
        c.activeResponsePlans.putAll(activeResponsePlans);
        recent.forEach((g, b) -> c.recent.put(g, b.copy()));
        c.plans.putAll(plans);
        c.position = position;
        c.applied = applied;
        return c;
    }
}
