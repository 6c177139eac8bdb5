package borderwatch.gate;

import borderwatch.shared.Attributed;
import borderwatch.store.StoredAs;
import java.time.Instant;

/** What the gate decides: congestion levels from its queue reports, response plans from coordinators. */
public sealed interface GateDecision extends GateEvent {

    /** The gate's congestion level rose, decided from the queue observation at {@code at}. */
    @StoredAs("gate.level-raised.v1")
    record LevelRaised(String eventId, String gate, int from, int to, String cause, int waiting,
                       Double yardOccupancy, Instant at) implements GateDecision {
    }

    /** The gate's congestion level fell, once the queue dropped below the clear thresholds. */
    @StoredAs("gate.level-cleared.v1")
    record LevelCleared(String eventId, String gate, int from, int to, int waiting, Double yardOccupancy,
                        Instant at) implements GateDecision {
    }

    /** A coordinator put the response plan of a level into effect at this gate. */
    @StoredAs("gate.response-plan-activated.v1")
    record ResponsePlanActivated(String eventId, String gate, int level, String by, String reason, Instant at)
            implements GateDecision, Attributed {
    }

    /** A coordinator stood the active response plan down. */
    @StoredAs("gate.response-plan-stood-down.v1")
    record ResponsePlanStoodDown(String eventId, String gate, int level, String by, String reason, Instant at)
            implements GateDecision, Attributed {
    }
}
