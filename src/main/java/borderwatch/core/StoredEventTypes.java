package borderwatch.core;

import borderwatch.forecast.WarningEvent;
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
                .upcast(GateReport.VEHICLES_CLEARED_V1, GateReport.VehiclesCleared.class, GateReport::unclassified)
                .upcast(GateReport.TURNOVER_RECORDED_V1, GateReport.TurnoverRecorded.class, GateReport::unclassified)
                .register(GateReport.QueueObserved.class)
                .register(GateDecision.LevelRaised.class)
                .register(GateDecision.LevelCleared.class)
                .register(GateDecision.ResponsePlanActivated.class)
                .register(GateDecision.ResponsePlanStoodDown.class)
                .register(PlanEvent.AnnualPlanSet.class)
                .register(PlanEvent.AnnualPlanRevised.class)
                .upcast(PlanEvent.PLAN_SET_V1, PlanEvent.AnnualPlanSet.class, PlanEvent::withoutTargets)
                .upcast(PlanEvent.PLAN_REVISED_V1, PlanEvent.AnnualPlanRevised.class, PlanEvent::withoutTargets)
                .register(WarningEvent.WarningIssued.class)
                .register(WarningEvent.WarningWithdrawn.class)
                // Snapshots are derived state, rebuilt from events when their shape changes.
                .register(Gate.class);
    }
}
