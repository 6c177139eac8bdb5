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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Each gate as it stands now: its latest queue, its congestion level and the response plan in effect. */
public final class Congestion implements Fold {

    private static final EventRoutes<Congestion> ROUTES = new EventRoutes<Congestion>()
            .on(QueueObserved.class, Congestion::queueObserved)
            .on(LevelRaised.class, Congestion::levelRaised)
            .on(LevelCleared.class, Congestion::levelCleared)
            .on(ResponsePlanActivated.class, Congestion::responsePlanActivated)
            .on(ResponsePlanStoodDown.class, Congestion::responsePlanStoodDown)
            .ignore(VehiclesCleared.class, TurnoverRecorded.class);

    private final Map<String, QueueState> queues = new HashMap<>();
    private final Map<String, Integer> levels = new HashMap<>();
    private final Map<String, ActiveResponsePlan> activeResponsePlans = new HashMap<>();

    /** The congestion fold of {@code model}. */
    public static Congestion of(ReadModel model) {
        return model.get(Congestion.class);
    }

    private void queueObserved(QueueObserved q) {
        queues.put(q.gate(), queues.getOrDefault(q.gate(), QueueState.NONE).observe(q));
    }

    private void levelRaised(LevelRaised r) {
        levels.put(r.gate(), r.to());
    }

    private void levelCleared(LevelCleared c) {
        levels.put(c.gate(), c.to());
    }

    private void responsePlanActivated(ResponsePlanActivated a) {
        activeResponsePlans.put(a.gate(), new ActiveResponsePlan(a.level(), a.by(), a.reason(), a.at()));
    }

    private void responsePlanStoodDown(ResponsePlanStoodDown d) {
        activeResponsePlans.remove(d.gate());
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
    public EventRoutes<?> routes() {
        return ROUTES;
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
