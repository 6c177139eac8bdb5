package borderwatch.traffic;

import borderwatch.gate.GateDecision.LevelCleared;
import borderwatch.gate.GateDecision.LevelRaised;
import borderwatch.gate.GateDecision.ResponsePlanActivated;
import borderwatch.gate.GateDecision.ResponsePlanStoodDown;
import borderwatch.gate.GateEvent;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.Province;
import borderwatch.readmodel.Fold;
import borderwatch.readmodel.ReadModel;
import borderwatch.shared.EventRoutes;
import borderwatch.shared.LocalDays;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What passed each gate: vehicles and turnover per local day, and vehicles per minute over the last
 * day of business time. Days are the gate's own (its time zone), so a report at 23:30 local time
 * counts on that day whatever the server's zone.
 */
public final class Traffic implements Fold {

    private static final EventRoutes<Traffic> ROUTES = new EventRoutes<Traffic>()
            .on(VehiclesCleared.class, Traffic::vehiclesCleared)
            .on(TurnoverRecorded.class, Traffic::turnoverRecorded)
            .ignore(QueueObserved.class, LevelRaised.class, LevelCleared.class, ResponsePlanActivated.class,
                    ResponsePlanStoodDown.class);

    // The province and its zones are configuration, not state: a checkpoint does not carry them.
    private final transient Province gates;
    private final transient Map<String, ZoneId> zones;
    private final Map<String, NavigableMap<LocalDate, GateDay>> days = new HashMap<>();
    private final transient Map<String, DayCursor> cursors = new HashMap<>();
    private final Map<String, MinuteBuckets> recent = new HashMap<>();

    public Traffic(Province gates) {
        this(gates, new HashMap<>());
        for (GateConfig g : gates.all()) {
            zones.put(g.id(), g.zone());
        }
    }

    private Traffic(Province gates, Map<String, ZoneId> zones) {
        this.gates = gates;
        this.zones = zones;
    }

    /** The traffic fold of {@code model}. */
    public static Traffic of(ReadModel model) {
        return model.get(Traffic.class);
    }

    private void vehiclesCleared(VehiclesCleared v) {
        updateDay(v, day -> day.cleared(v.direction(), v.vehicles(), v.goods()));
        recent.computeIfAbsent(v.gate(), g -> new MinuteBuckets())
              .add(Math.floorDiv(v.at().getEpochSecond(), 60), v.direction(), v.vehicles());
    }

    private void turnoverRecorded(TurnoverRecorded t) {
        updateDay(t, day -> day.turnover(t.direction(), t.usdCents(), t.goods(),
                t.localOrigin() && t.direction() == Direction.EXPORT));
    }

    private void updateDay(GateEvent e, UnaryOperator<GateDay> change) {
        DayCursor cursor = cursors.get(e.gate());
        if (cursor == null) {
            cursor = new DayCursor(new LocalDays(zoneOf(e.gate())), days.computeIfAbsent(e.gate(), g -> new TreeMap<>()));
            cursors.put(e.gate(), cursor);
        }
        cursor.update(e.at(), change);
    }

    /**
     * A gate's days and the entry of the last day a report went to. Reports come in time order, so
     * nearly every one goes to that same day, and updating its entry in place saved a search of ten
     * years of days per report (a tree's entries stay put while nothing is removed, and no day ever is).
     */
    private static final class DayCursor {
        private final LocalDays localDays;
        private final NavigableMap<LocalDate, GateDay> perGate;
        private LocalDate lastDate;
        private Map.Entry<LocalDate, GateDay> last;

        DayCursor(LocalDays localDays, NavigableMap<LocalDate, GateDay> perGate) {
            this.localDays = localDays;
            this.perGate = perGate;
        }

        void update(java.time.Instant at, UnaryOperator<GateDay> change) {
            LocalDate date = localDays.dateOf(at);
            if (date != lastDate) {
                perGate.putIfAbsent(date, GateDay.EMPTY);
                last = perGate.tailMap(date, true).entrySet().iterator().next();
                lastDate = date;
            }
            last.setValue(change.apply(last.getValue()));
        }
    }

    private ZoneId zoneOf(String gate) {
        // A gate removed from configuration still has history; it is counted in the province's zone.
        return zones.getOrDefault(gate, gates.zone());
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

    public Set<String> gatesWithHistory() {
        return Set.copyOf(days.keySet());
    }

    /** Export and import vehicles cleared at a gate in the {@code minutes} up to {@code toMinute}. */
    public long[] clearedInLast(String gate, long toEpochMinute, long minutes) {
        MinuteBuckets b = recent.get(gate);
        return b == null ? new long[2] : b.sum(toEpochMinute, minutes);
    }

    /**
     * The oldest epoch minute of the last 24 hours in which the gate cleared anything, or
     * {@link Long#MAX_VALUE}: how far back {@link #clearedInLast} has anything to say.
     */
    public long clearingSince(String gate) {
        MinuteBuckets b = recent.get(gate);
        return b == null ? Long.MAX_VALUE : b.oldestMinute();
    }

    /** Epoch minute at which the first of the 24 clock hours returned by {@link #hourlyClearances} starts. */
    public static long firstHourOfWindow(long toEpochMinute) {
        return MinuteBuckets.firstHourOfWindow(toEpochMinute);
    }

    public long[][] hourlyClearances(String gate, long toEpochMinute) {
        MinuteBuckets b = recent.get(gate);
        return b == null ? new long[24][2] : b.hourly(toEpochMinute);
    }

    @Override
    public EventRoutes<?> routes() {
        return ROUTES;
    }

    @Override
    public Traffic copy() {
        Traffic c = new Traffic(gates, zones);
        days.forEach((g, m) -> c.days.put(g, new TreeMap<>(m)));
        recent.forEach((g, b) -> c.recent.put(g, b.copy()));
        return c;
    }
}
