package borderwatch.core;

import borderwatch.gate.Gate;
import borderwatch.gate.GateEvent;
import borderwatch.plan.PlanEvent;
import borderwatch.store.EventTypeRegistry;

/** Every stored event type and its name in the store: the one place where names are chosen. */
public final class StoredEventTypes {

    private StoredEventTypes() {
    }

    public static EventTypeRegistry registry() {
        return new EventTypeRegistry()
                .register("gate.vehicles-cleared.v1", GateEvent.VehiclesCleared.class)
                .register("gate.turnover-recorded.v1", GateEvent.TurnoverRecorded.class)
                .register("gate.queue-observed.v1", GateEvent.QueueObserved.class)
                .register("gate.level-raised.v1", GateEvent.LevelRaised.class)
                .register("gate.level-cleared.v1", GateEvent.LevelCleared.class)
                .register("gate.response-plan-activated.v1", GateEvent.ResponsePlanActivated.class)
                .register("gate.response-plan-stood-down.v1", GateEvent.ResponsePlanStoodDown.class)
                .register("plan.annual-plan-set.v1", PlanEvent.AnnualPlanSet.class)
                .register("plan.annual-plan-revised.v1", PlanEvent.AnnualPlanRevised.class)
                // Snapshots are derived state, rebuilt from events when their shape changes.
                .register("snapshot.gate.v1", Gate.class);
    }
}
