package borderwatch.gate;

import borderwatch.province.Direction;
import borderwatch.store.StoredAs;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** What a gate system may send. Levels and response plans are not among them: the gate decides those. */
public sealed interface GateReport extends GateEvent {

    /**
     * Vehicles through the gate. {@code goods} is a goods group id, or null when the sender does not
     * classify; {@code localOrigin} marks exports of goods produced in the province.
     */
    @StoredAs("gate.vehicles-cleared.v2")
    record VehiclesCleared(String eventId, String gate, Direction direction, int vehicles, Instant at, String goods,
                           boolean localOrigin) implements GateReport, Classified {

        public VehiclesCleared(String eventId, String gate, Direction direction, int vehicles, Instant at) {
            this(eventId, gate, direction, vehicles, at, null, false);
        }
    }

    /** Turnover through the gate; {@code goods} and {@code localOrigin} as for {@link VehiclesCleared}. */
    @StoredAs("gate.turnover-recorded.v2")
    record TurnoverRecorded(String eventId, String gate, Direction direction, long usdCents, Instant at, String goods,
                            boolean localOrigin) implements GateReport, Classified {

        public TurnoverRecorded(String eventId, String gate, Direction direction, long usdCents, Instant at) {
            this(eventId, gate, direction, usdCents, at, null, false);
        }
    }

    /** A report that may say which goods it counts. */
    interface Classified {
        Direction direction();

        String goods();

        boolean localOrigin();
    }

    /** Stored names of the first versions, read through {@link #unclassified}. */
    String VEHICLES_CLEARED_V1 = "gate.vehicles-cleared.v1";
    String TURNOVER_RECORDED_V1 = "gate.turnover-recorded.v1";

    /** A first-version report knew no goods: it reads as unclassified and not local. */
    static ObjectNode unclassified(ObjectNode v1) {
        v1.putNull("goods");
        v1.put("localOrigin", false);
        return v1;
    }

    /** {@code yardOccupancy} is a share of the yard's capacity, 0..1, or null when not reported. */
    @StoredAs("gate.queue-observed.v1")
    record QueueObserved(String eventId, String gate, int waiting, Double yardOccupancy, Instant at)
            implements GateReport {
    }
}
