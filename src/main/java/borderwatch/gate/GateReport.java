package borderwatch.gate;

import borderwatch.store.StoredAs;
import java.time.Instant;

/** What a gate system may send. Levels and response plans are not among them: the gate decides those. */
public sealed interface GateReport extends GateEvent {

    @StoredAs("gate.vehicles-cleared.v1")
    record VehiclesCleared(String eventId, String gate, Direction direction, int vehicles, Instant at)
            implements GateReport {
    }

    @StoredAs("gate.turnover-recorded.v1")
    record TurnoverRecorded(String eventId, String gate, Direction direction, long usdCents, Instant at)
            implements GateReport {
    }

    /** {@code yardOccupancy} is a share of the yard's capacity, 0..1, or null when not reported. */
    @StoredAs("gate.queue-observed.v1")
    record QueueObserved(String eventId, String gate, int waiting, Double yardOccupancy, Instant at)
            implements GateReport {
    }
}
