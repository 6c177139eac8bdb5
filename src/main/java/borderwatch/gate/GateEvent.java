package borderwatch.gate;

import borderwatch.store.IdentifiedEvent;
import java.time.Instant;

/**
 * Everything stored on a gate's stream: what a gate system reports ({@link GateReport}) and what the
 * gate itself decides from those reports and from coordinators' commands ({@link GateDecision}).
 * Every event carries the id its source gave it and the business time.
 */
public sealed interface GateEvent extends IdentifiedEvent permits GateReport, GateDecision {

    String gate();

    Instant at();

    /** Hands this event to the method of {@code handler} made for its type. */
    <R> R accept(Handler<R> handler);

    /**
     * One method per gate event type and no defaults, so a new type fails the build in every fold
     * and view that has not said what it does with it.
     */
    interface Handler<R> {

        R vehiclesCleared(GateReport.VehiclesCleared e);

        R turnoverRecorded(GateReport.TurnoverRecorded e);

        R queueObserved(GateReport.QueueObserved e);

        R levelRaised(GateDecision.LevelRaised e);

        R levelCleared(GateDecision.LevelCleared e);

        R responsePlanActivated(GateDecision.ResponsePlanActivated e);

        R responsePlanStoodDown(GateDecision.ResponsePlanStoodDown e);
    }
}
