package borderwatch.core;

import borderwatch.gate.Gate;
import borderwatch.gate.GateDecision;
import borderwatch.gate.GateReport;
import borderwatch.store.EventTypeRegistry;
import borderwatch.tradeplan.PlanEvent;

/** Every stored type; each carries its stored name ({@link borderwatch.store.StoredAs}) beside its fields. */
public final class StoredEventTypes {

    private StoredEventTypes() {
    }

    public static EventTypeRegistry registry() {
        return new EventTypeRegistry()
                .register(GateReport.VehiclesCleared.class)
                .register(GateReport.TurnoverRecorded.class)
                .register(GateReport.QueueObserved.class)
                .register(GateDecision.LevelRaised.class)
                .register(GateDecision.LevelCleared.class)
                .register(GateDecision.ResponsePlanActivated.class)
                .register(GateDecision.ResponsePlanStoodDown.class)
                .register(PlanEvent.AnnualPlanSet.class)
                .register(PlanEvent.AnnualPlanRevised.class)
                // Snapshots are derived state, rebuilt from events when their shape changes.
                .register(Gate.class);
    }
}
