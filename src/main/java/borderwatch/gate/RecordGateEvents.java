package borderwatch.gate;

import java.util.List;

/**
 * Record a batch of gate reports, possibly for several gates, all or nothing, each within
 * {@code limits}. Ids already stored (a gate system re-sending) are skipped, not stored twice.
 */
public record RecordGateEvents(List<GateReport> events, ReportLimits limits) {

    public RecordGateEvents {
        events = List.copyOf(events);
    }

    /** Reports sent as traffic happens. */
    public RecordGateEvents(List<? extends GateReport> events) {
        this(List.copyOf(events), ReportLimits.LIVE);
    }
}
