package borderwatch.gate;

import borderwatch.plugin.CommandParts;
import borderwatch.plugin.Feature;
import borderwatch.plugin.Wiring;
import borderwatch.store.EventTypeRegistry;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;

/** The gate: its reports and decisions as stored events, the gate aggregate and the batch recorder, and its counters. */
public final class GateFeature implements Feature {

    @Override
    public String name() {
        return "gate";
    }

    @Override
    public void storedTypes(EventTypeRegistry types) {
        types.register(GateReport.VehiclesCleared.class)
             .register(GateReport.TurnoverRecorded.class)
             .upcast(GateReport.VEHICLES_CLEARED_V1, GateReport.VehiclesCleared.class, GateReport::unclassified)
             .upcast(GateReport.TURNOVER_RECORDED_V1, GateReport.TurnoverRecorded.class, GateReport::unclassified)
             .register(GateReport.QueueObserved.class)
             .register(GateDecision.LevelRaised.class)
             .register(GateDecision.LevelCleared.class)
             .register(GateDecision.ResponsePlanActivated.class)
             .register(GateDecision.ResponsePlanStoodDown.class)
             // Snapshots are derived state, rebuilt from events when their shape changes.
             .register(Gate.class);
    }

    @Override
    public void commandSide(Configurer axon, CommandParts parts) {
        axon.configureAggregate(AggregateConfigurer.defaultConfiguration(Gate.class)
                    .configureCache(c -> parts.cache("gates"))
                    .configureSnapshotTrigger(parts::coldLoadSnapshots))
            .registerCommandHandler(c -> new GateEventRecorder(c.repository(Gate.class), parts::existingIds,
                    parts.province()));
    }

    @Override
    public void start(Wiring wiring) {
        GateMeters.bind(wiring.meters(), wiring.node(), wiring::onStop);
    }
}
