package borderwatch.congestion;

import borderwatch.gate.GateDecision.LevelCleared;
import borderwatch.gate.GateDecision.LevelRaised;
import borderwatch.gate.GateDecision.ResponsePlanActivated;
import borderwatch.gate.GateDecision.ResponsePlanStoodDown;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.readmodel.Fold;
import borderwatch.readmodel.ReadModel;
import borderwatch.shared.EventRoutes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Each gate's congestion history as spans: how long it stood at each level and which response
 * plans were in effect when. Questions are asked for a window, so a report of one year counts an
 * incident that began on 31 December only up to midnight, and a drill counts up to its clock.
 * Part of every read model, so a year report replays it with the rest. Not thread-safe: a replay
 * folds on one thread, and a drill guards it with its own lock.
 */
public final class CongestionLog implements Fold {

    private static final EventRoutes<CongestionLog> ROUTES = new EventRoutes<CongestionLog>()
            .on(LevelRaised.class, CongestionLog::levelRaised)
            .on(LevelCleared.class, CongestionLog::levelCleared)
            .on(ResponsePlanActivated.class, CongestionLog::responsePlanActivated)
            .on(ResponsePlanStoodDown.class, CongestionLog::responsePlanStoodDown)
            .on(QueueObserved.class, CongestionLog::queueObserved)
            .ignore(VehiclesCleared.class, TurnoverRecorded.class);

    /** A response plan in effect from {@code from} until {@code to} (null while still in effect). */
    public record PlanUse(int level, Instant from, Instant to, String by) {
    }

    /**
     * A gate's congestion within a window: incidents (a rise from normal) that began in it, hours at
     * each level (index 0 is normal), when each level was first reached in it, and plans in effect.
     */
    public record Window(int incidents, double[] hoursAtLevel, Map<Integer, Instant> firstReached,
                         List<PlanUse> plans, int plansActivated, double planHours, boolean queueReported) {
    }

    private record Span(int level, Instant from, Instant to) {
    }

    private static final class GateLog {
        final List<Span> spans = new ArrayList<>();
        final List<PlanUse> plans = new ArrayList<>();
        /** UTC days with a queue report: a year of imported daily totals has none, and must not read as "no congestion". */
        final TreeSet<Long> queueDays = new TreeSet<>();
        int level;
        Instant since;
    }

    private final Map<String, GateLog> gates = new HashMap<>();

    /** The congestion log of {@code model}. */
    public static CongestionLog of(ReadModel model) {
        return model.get(CongestionLog.class);
    }

    private void queueObserved(QueueObserved q) {
        gates.computeIfAbsent(q.gate(), g -> new GateLog()).queueDays.add(Math.floorDiv(q.at().getEpochSecond(), 86_400));
    }

    private void levelRaised(LevelRaised r) {
        moveTo(log(r.gate()), r.to(), r.at());
    }

    private void levelCleared(LevelCleared c) {
        moveTo(log(c.gate()), c.to(), c.at());
    }

    private void responsePlanActivated(ResponsePlanActivated a) {
        log(a.gate()).plans.add(new PlanUse(a.level(), a.at(), null, a.by()));
    }

    private void responsePlanStoodDown(ResponsePlanStoodDown d) {
        List<PlanUse> plans = log(d.gate()).plans;
        if (!plans.isEmpty() && plans.get(plans.size() - 1).to() == null) {
            PlanUse open = plans.remove(plans.size() - 1);
            plans.add(new PlanUse(open.level(), open.from(), d.at(), open.by()));
        }
    }

    @Override
    public EventRoutes<?> routes() {
        return ROUTES;
    }

    @Override
    public CongestionLog copy() {
        CongestionLog c = new CongestionLog();
        gates.forEach((gate, log) -> {
            GateLog copy = new GateLog();
            copy.spans.addAll(log.spans);
            copy.plans.addAll(log.plans);
            copy.queueDays.addAll(log.queueDays);
            copy.level = log.level;
            copy.since = log.since;
            c.gates.put(gate, copy);
        });
        return c;
    }

    private GateLog log(String gate) {
        return gates.computeIfAbsent(gate, g -> new GateLog());
    }

    private static void moveTo(GateLog log, int level, Instant at) {
        if (log.level > 0) {
            log.spans.add(new Span(log.level, log.since, at));
        }
        log.level = level;
        log.since = at;
    }

    /**
     * The gate's level over time: each change as {epoch second, level}, oldest first, a fall to normal
     * included; the level standing at the end of the log is the last.
     */
    public List<long[]> levelChanges(String gate) {
        GateLog log = gates.get(gate);
        List<long[]> out = new ArrayList<>();
        if (log == null) {
            return out;
        }
        Instant previousEnd = null;
        for (Span s : log.spans) {
            if (previousEnd != null && !previousEnd.equals(s.from())) {
                out.add(new long[] {previousEnd.getEpochSecond(), 0});
            }
            out.add(new long[] {s.from().getEpochSecond(), s.level()});
            previousEnd = s.to();
        }
        if (previousEnd != null && (log.since == null || !previousEnd.equals(log.since) || log.level == 0)) {
            out.add(new long[] {previousEnd.getEpochSecond(), 0});
        }
        if (log.level > 0) {
            out.add(new long[] {log.since.getEpochSecond(), log.level});
        }
        return out;
    }

    public int level(String gate) {
        GateLog log = gates.get(gate);
        return log == null ? 0 : log.level;
    }

    /** The gate's congestion in {@code [from, to)}; levels or plans still in effect count up to {@code to}. */
    public Window window(String gate, int levels, Instant from, Instant to) {
        GateLog log = gates.getOrDefault(gate, new GateLog());
        List<Span> spans = new ArrayList<>(log.spans);
        if (log.level > 0) {
            spans.add(new Span(log.level, log.since, to));
        }
        double[] seconds = new double[levels + 1];
        Map<Integer, Instant> first = new LinkedHashMap<>();
        int incidents = 0;
        Instant previousEnd = null;
        for (Span s : spans) {
            double overlap = overlapSeconds(s.from(), s.to(), from, to);
            int level = Math.min(s.level(), levels);
            seconds[level] += overlap;
            if (overlap > 0 || (!s.from().isBefore(from) && s.from().isBefore(to))) {
                first.merge(level, s.from().isBefore(from) ? from : s.from(), (a, b) -> a.isBefore(b) ? a : b);
            }
            boolean startsIncident = previousEnd == null || !previousEnd.equals(s.from());
            if (startsIncident && !s.from().isBefore(from) && s.from().isBefore(to)) {
                incidents++;
            }
            previousEnd = s.to();
        }
        double windowSeconds = overlapSeconds(from, to, from, to);
        double congested = 0;
        for (int l = 1; l <= levels; l++) {
            congested += seconds[l];
        }
        seconds[0] = Math.max(0, windowSeconds - congested);
        double[] hours = new double[levels + 1];
        for (int l = 0; l <= levels; l++) {
            hours[l] = seconds[l] / 3600.0;
        }
        List<PlanUse> plans = new ArrayList<>();
        int activated = 0;
        double planSeconds = 0;
        for (PlanUse p : log.plans) {
            Instant end = p.to() == null ? to : p.to();
            double overlap = overlapSeconds(p.from(), end, from, to);
            boolean startsInside = !p.from().isBefore(from) && p.from().isBefore(to);
            if (overlap > 0 || startsInside) {
                plans.add(p);
                planSeconds += overlap;
            }
            if (startsInside) {
                activated++;
            }
        }
        long fromDay = Math.floorDiv(from.getEpochSecond(), 86_400);
        long toDay = Math.floorDiv(to.getEpochSecond() - 1, 86_400);
        boolean queueReported = toDay >= fromDay && !log.queueDays.subSet(fromDay, true, toDay, true).isEmpty();
        return new Window(incidents, hours, first, plans, activated, planSeconds / 3600.0, queueReported);
    }

    private static double overlapSeconds(Instant aFrom, Instant aTo, Instant bFrom, Instant bTo) {
        Instant start = aFrom.isAfter(bFrom) ? aFrom : bFrom;
        Instant end = aTo.isBefore(bTo) ? aTo : bTo;
        return end.isAfter(start) ? Duration.between(start, end).toMillis() / 1000.0 : 0;
    }
}
