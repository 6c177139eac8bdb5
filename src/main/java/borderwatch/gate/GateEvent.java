package borderwatch.gate;

import borderwatch.store.IdentifiedEvent;
import java.time.Instant;

/** What a gate reports. Every event carries the reporting system's own id and the business time. */
public sealed interface GateEvent extends IdentifiedEvent {

    String gate();

    Instant at();

    record VehiclesCleared(String eventId, String gate, Direction direction, int vehicles, Instant at)
            implements GateEvent {
    }

    record TurnoverRecorded(String eventId, String gate, Direction direction, long usdCents, Instant at)
            implements GateEvent {
    }

    /** {@code yardOccupancy} is a share of the yard's capacity, 0..1, or null when not reported. */
    record QueueObserved(String eventId, String gate, int waiting, Double yardOccupancy, Instant at)
            implements GateEvent {
    }

    /** The gate's congestion level rose, decided from the queue observation at {@code at}. */
    record LevelRaised(String eventId, String gate, int from, int to, String cause, int waiting,
                       Double yardOccupancy, Instant at) implements GateEvent {
    }

    /** A coordinator put the response plan of a level into effect at this gate. */
    record ResponsePlanActivated(String eventId, String gate, int level, String by, String reason, Instant at)
            implements GateEvent {
    }

    /** A coordinator stood the active response plan down. */
    record ResponsePlanStoodDown(String eventId, String gate, int level, String by, String reason, Instant at)
            implements GateEvent {
    }

    /** The gate's congestion level fell, once the queue dropped below the clear thresholds. */
    record LevelCleared(String eventId, String gate, int from, int to, int waiting, Double yardOccupancy,
                        Instant at) implements GateEvent {
    }
}
