package borderwatch.gate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import borderwatch.gate.GateEvent.QueueObserved;
import borderwatch.gate.GateEvent.TurnoverRecorded;
import borderwatch.gate.GateEvent.VehiclesCleared;
import borderwatch.shared.Rejection;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One border gate's stream. It accepts reports that belong to it and keeps what later decisions
 * (congestion levels) need: the latest queue observation.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Gate {

    @AggregateIdentifier
    private String id;
    private int waiting;
    private Double yardOccupancy;
    private Instant lastObservedAt;

    protected Gate() {
        // for Axon
    }

    public Gate(String id) {
        this.id = id;
    }

    public void record(GateEvent event) {
        if (!id.equals(event.gate())) {
            throw new Rejection("gate", "event for " + event.gate() + " sent to gate " + id);
        }
        if (event instanceof VehiclesCleared v && v.vehicles() <= 0) {
            throw new Rejection("vehicles", "must be a positive count");
        }
        if (event instanceof TurnoverRecorded t && t.usdCents() < 0) {
            throw new Rejection("usd", "must not be negative");
        }
        if (event instanceof QueueObserved q && q.waiting() < 0) {
            throw new Rejection("waiting", "must not be negative");
        }
        apply(event);
    }

    @EventSourcingHandler
    void on(GateEvent e) {
        id = e.gate();
        if (e instanceof QueueObserved q) {
            observe(q);
        }
    }

    private void observe(QueueObserved e) {
        // Reports may arrive late: only a newer observation replaces the current one.
        if (lastObservedAt == null || !e.at().isBefore(lastObservedAt)) {
            waiting = e.waiting();
            yardOccupancy = e.yardOccupancy();
            lastObservedAt = e.at();
        }
    }

    public String id() {
        return id;
    }

    public int waiting() {
        return waiting;
    }

    public Double yardOccupancy() {
        return yardOccupancy;
    }
}
