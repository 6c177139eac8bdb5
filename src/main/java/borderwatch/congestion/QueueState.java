package borderwatch.congestion;

import borderwatch.gate.GateReport.QueueObserved;
import java.time.Instant;

/** The latest queue observation at a gate; a late, older report does not replace a newer one. */
public record QueueState(int waiting, Double yardOccupancy, Instant observedAt) {

    public static final QueueState NONE = new QueueState(0, null, null);

    public QueueState observe(QueueObserved e) {
        if (observedAt != null && e.at().isBefore(observedAt)) {
            return this;
        }
        return new QueueState(e.waiting(), e.yardOccupancy(), e.at());
    }
}
