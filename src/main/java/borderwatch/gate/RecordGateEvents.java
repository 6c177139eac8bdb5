package borderwatch.gate;

import java.util.List;

/**
 * Record a batch of gate reports, possibly for several gates, all or nothing. Ids already
 * stored (a gate system re-sending) are skipped, not stored twice.
 */
public record RecordGateEvents(List<GateEvent> events) {
    public RecordGateEvents {
        events = List.copyOf(events);
    }
}
