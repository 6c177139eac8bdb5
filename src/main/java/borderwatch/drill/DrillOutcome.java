package borderwatch.drill;

import borderwatch.congestion.CongestionLog;
import borderwatch.gate.GateDecision;
import borderwatch.gate.GateEvent;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.Province;
import borderwatch.shared.EventRoutes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
                      double truckHoursWaiting, long exportCleared, long importCleared,
                      List<CongestionLog.PlanUse> plans) {
    }

    private final Province gates;
    private final Instant start;
    private final CongestionLog congestion = new CongestionLog();
    private final Map<String, QueueTally> queues = new LinkedHashMap<>();

    DrillOutcome(Province gates, Instant start) {
        this.gates = gates;
        this.start = start;
        for (GateConfig g : gates.all()) {
            queues.put(g.id(), new QueueTally(start));
        }
    }

    synchronized void apply(Object event) {
        congestion.apply(event);
        if (event instanceof GateEvent e && queues.containsKey(e.gate())) {
            queues.get(e.gate()).apply(e);
        }
    }

    /** The gate event types the queue tally names, handled or ignored. */
    static Set<Class<?>> tallyEventTypes() {
        return QueueTally.ROUTES.named();
    }

    synchronized List<GateResult> result(Instant now) {
        List<GateResult> out = new ArrayList<>();
        for (GateConfig g : gates.all()) {
            int levels = g.levels().levels().size();
            // Up to and including now: a plan activated at the drill's current instant belongs to it.
            CongestionLog.Window w = congestion.window(g.id(), levels, start, now.plusNanos(1));
            Map<String, Double> hours = new LinkedHashMap<>();
            Map<String, Instant> reachedAt = new LinkedHashMap<>();
            for (int l = 0; l <= levels; l++) {
                hours.put(g.levels().idOf(l), Math.round(w.hoursAtLevel()[l] * 10) / 10.0);
                if (w.firstReached().containsKey(l)) {
                    reachedAt.put(g.levels().idOf(l), w.firstReached().get(l));
                }
            }
            QueueTally q = queues.get(g.id());
            out.add(new GateResult(g.id(), reachedAt, hours, congestion.level(g.id()), q.peakWaiting, q.peakWaitingAt,
                    q.peakOccupancy, Math.round(q.truckHours(now) * 10) / 10.0, q.exports, q.imports, w.plans()));
        }
        return out;
    }

    private static final class QueueTally {

        static final EventRoutes<QueueTally> ROUTES = new EventRoutes<QueueTally>()
                .on(QueueObserved.class, QueueTally::queueObserved)
                .on(VehiclesCleared.class, QueueTally::vehiclesCleared)
                .ignore(GateReport.TurnoverRecorded.class, GateDecision.LevelRaised.class,
                        GateDecision.LevelCleared.class, GateDecision.ResponsePlanActivated.class,
                        GateDecision.ResponsePlanStoodDown.class);

        private int waiting;
        private Instant observedAt;
        private double truckSeconds;
        private int peakWaiting;
        private Instant peakWaitingAt;
        private double peakOccupancy;
        private long exports;
        private long imports;

        QueueTally(Instant start) {
            this.observedAt = start;
        }

        void apply(GateEvent e) {
            ROUTES.apply(this, e);
        }

        private void queueObserved(QueueObserved q) {
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
        }

        private void vehiclesCleared(VehiclesCleared v) {
            if (v.direction() == Direction.EXPORT) {
                exports += v.vehicles();
            } else {
                imports += v.vehicles();
            }
        }

        double truckHours(Instant now) {
            return (truckSeconds + waiting * seconds(observedAt, now)) / 3600.0;
        }

        private static double seconds(Instant from, Instant to) {
            return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
        }
    }
}
