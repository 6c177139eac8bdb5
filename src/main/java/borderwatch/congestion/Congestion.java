package borderwatch.congestion;

import borderwatch.gate.GateDecision.LevelCleared;
import borderwatch.gate.GateDecision.LevelRaised;
import borderwatch.gate.GateDecision.ResponsePlanActivated;
import borderwatch.gate.GateDecision.ResponsePlanStoodDown;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateEvent;
import borderwatch.readmodel.Fold;
import borderwatch.readmodel.ReadModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Each gate as it stands now: its latest queue, its congestion level and the response plan in effect. */
public final class Congestion implements Fold, GateEvent.Handler<Void> {

    private final Map<String, QueueState> queues = new HashMap<>();
    private final Map<String, Integer> levels = new HashMap<>();
    private final Map<String, ActiveResponsePlan> activeResponsePlans = new HashMap<>();

    /** The congestion fold of {@code model}. */
    public static Congestion of(ReadModel model) {
        return model.get(Congestion.class);
    }

    /** Follows gate events only: an annual plan changes nothing here. */
    @Override
    public void apply(Object event) {
        if (event instanceof GateEvent e) {
            e.accept(this);
        }
    }

    @Override
    public Void queueObserved(QueueObserved q) {
        queues.put(q.gate(), queues.getOrDefault(q.gate(), QueueState.NONE).observe(q));
        return null;
    }

    @Override
    public Void levelRaised(LevelRaised r) {
        levels.put(r.gate(), r.to());
        return null;
    }

    @Override
    public Void levelCleared(LevelCleared c) {
        levels.put(c.gate(), c.to());
        return null;
    }

    @Override
    public Void responsePlanActivated(ResponsePlanActivated a) {
        activeResponsePlans.put(a.gate(), new ActiveResponsePlan(a.level(), a.by(), a.reason(), a.at()));
        return null;
    }

    @Override
    public Void responsePlanStoodDown(ResponsePlanStoodDown d) {
        activeResponsePlans.remove(d.gate());
        return null;
    }

    @Override
    public Void vehiclesCleared(VehiclesCleared e) {
        return null;
    }

    @Override
    public Void turnoverRecorded(TurnoverRecorded e) {
        return null;
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

    @Override
    public Congestion copy() {
        Congestion c = new Congestion();
        c.queues.putAll(queues);
        c.levels.putAll(levels);
        c.activeResponsePlans.putAll(activeResponsePlans);
        return c;
    }
}
