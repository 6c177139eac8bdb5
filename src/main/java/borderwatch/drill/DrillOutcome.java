package borderwatch.drill;

import borderwatch.gate.Direction;
import borderwatch.gate.GateConfig;
import borderwatch.gate.GateEvent;
import borderwatch.gate.GateEvent.LevelCleared;
import borderwatch.gate.GateEvent.LevelRaised;
import borderwatch.gate.GateEvent.QueueObserved;
import borderwatch.gate.GateEvent.ResponsePlanActivated;
import borderwatch.gate.GateEvent.ResponsePlanStoodDown;
import borderwatch.gate.GateEvent.VehiclesCleared;
import borderwatch.gate.Gates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a drill's stream says happened, per gate: when each level was first reached, hours spent at
 * each level, the peak queue and yard, truck-hours spent waiting, and the plans put into effect.
 * A fold over the lane's events as the sandbox projects them; {@link #result} closes open
 * intervals at the drill's current simulated time.
 */
final class DrillOutcome {

    /** One gate's figures; levels are keyed by their configured id (watch, alert, critical). */
    record GateResult(String gate, Map<String, Instant> levelReachedAt, Map<String, Double> hoursAtLevel,
                      int level, int peakWaiting, Instant peakWaitingAt, double peakYardOccupancy,
                      double truckHoursWaiting, long exportCleared, long importCleared, List<PlanUse> plans) {
    }

    /** A response plan in effect from {@code from} until {@code to} (null while still in effect). */
    record PlanUse(int level, Instant from, Instant to, String by) {
    }

    private final Gates gates;
    private final Map<String, GateTally> tallies = new LinkedHashMap<>();

    DrillOutcome(Gates gates, Instant start) {
        this.gates = gates;
        for (GateConfig g : gates.all()) {
            tallies.put(g.id(), new GateTally(start, g.levels().levels().size()));
        }
    }

    synchronized void apply(Object event) {
        if (event instanceof GateEvent e && tallies.containsKey(e.gate())) {
            tallies.get(e.gate()).apply(e);
        }
    }

    synchronized List<GateResult> result(Instant now) {
        List<GateResult> out = new ArrayList<>();
        for (GateConfig g : gates.all()) {
            out.add(tallies.get(g.id()).result(g, now));
        }
        return out;
    }

    private static final class GateTally {
        private final Map<Integer, Instant> reached = new LinkedHashMap<>();
        private final double[] secondsAt;
        private int level;
        private Instant levelSince;
        private int waiting;
        private Instant observedAt;
        private double truckSeconds;
        private int peakWaiting;
        private Instant peakWaitingAt;
        private double peakOccupancy;
        private long exports;
        private long imports;
        private final List<PlanUse> plans = new ArrayList<>();

        GateTally(Instant start, int levels) {
            this.secondsAt = new double[levels + 1];
            this.levelSince = start;
            this.observedAt = start;
        }

        void apply(GateEvent e) {
            if (e instanceof QueueObserved q) {
                truckSeconds += waiting * seconds(observedAt, q.at());
                waiting = q.waiting();
                observedAt = q.at();
                if (q.waiting() > peakWaiting) {
                    peakWaiting = q.waiting();
                    peakWaitingAt = q.at();
                }
                if (q.yardOccupancy() != null) {
                    peakOccupancy = Math.max(peakOccupancy, q.yardOccupancy());
                }
            } else if (e instanceof LevelRaised r) {
                moveTo(r.to(), r.at());
                for (int l = r.from() + 1; l <= r.to(); l++) {
                    reached.putIfAbsent(l, r.at());
                }
            } else if (e instanceof LevelCleared c) {
                moveTo(c.to(), c.at());
            } else if (e instanceof VehiclesCleared v) {
                if (v.direction() == Direction.EXPORT) {
                    exports += v.vehicles();
                } else {
                    imports += v.vehicles();
                }
            } else if (e instanceof ResponsePlanActivated a) {
                plans.add(new PlanUse(a.level(), a.at(), null, a.by()));
            } else if (e instanceof ResponsePlanStoodDown d && !plans.isEmpty()) {
                PlanUse open = plans.remove(plans.size() - 1);
                plans.add(new PlanUse(open.level(), open.from(), d.at(), open.by()));
            }
        }

        private void moveTo(int next, Instant at) {
            secondsAt[Math.min(level, secondsAt.length - 1)] += seconds(levelSince, at);
            level = next;
            levelSince = at;
        }

        GateResult result(GateConfig g, Instant now) {
            double[] seconds = secondsAt.clone();
            seconds[Math.min(level, seconds.length - 1)] += seconds(levelSince, now);
            Map<String, Double> hours = new LinkedHashMap<>();
            Map<String, Instant> reachedAt = new LinkedHashMap<>();
            for (int l = 0; l < seconds.length; l++) {
                hours.put(g.levels().idOf(l), Math.round(seconds[l] / 360.0) / 10.0);
                if (l > 0 && reached.containsKey(l)) {
                    reachedAt.put(g.levels().idOf(l), reached.get(l));
                }
            }
            double truckHours = (truckSeconds + waiting * seconds(observedAt, now)) / 3600.0;
            return new GateResult(g.id(), reachedAt, hours, level, peakWaiting, peakWaitingAt,
                    peakOccupancy, Math.round(truckHours * 10) / 10.0, exports, imports, List.copyOf(plans));
        }

        private static double seconds(Instant from, Instant to) {
            return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
        }
    }
}
