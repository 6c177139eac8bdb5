package borderwatch.gate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import borderwatch.congestion.ActivateResponsePlan;
import borderwatch.congestion.LevelPolicy;
import borderwatch.congestion.StandDownResponsePlan;
import borderwatch.gate.GateEvent.ResponsePlanActivated;
import borderwatch.gate.GateEvent.ResponsePlanStoodDown;
import borderwatch.shared.Conflict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import borderwatch.gate.GateEvent.LevelCleared;
import borderwatch.gate.GateEvent.LevelRaised;
import borderwatch.gate.GateEvent.QueueObserved;
import borderwatch.gate.GateEvent.TurnoverRecorded;
import borderwatch.gate.GateEvent.VehiclesCleared;
import borderwatch.shared.PersonText;
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
    private int level;
    private int activePlanLevel;

    public Gate() {
        // for Axon
    }

    public Gate(String id) {
        this.id = id;
    }

    public void record(GateEvent event) {
        record(event, LevelPolicy.NONE);
    }

    /** Records a report; a queue observation may also move the congestion level under {@code levels}. */
    public void record(GateEvent event, LevelPolicy levels) {
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
        if (event instanceof LevelRaised || event instanceof LevelCleared || event instanceof ResponsePlanActivated
                || event instanceof ResponsePlanStoodDown) {
            throw new Rejection("type", "levels and response plans are decided at the gate, not reported");
        }
        boolean latest = !(event instanceof QueueObserved q) || lastObservedAt == null || !q.at().isBefore(lastObservedAt);
        apply(event);
        if (event instanceof QueueObserved q && latest) {
            decideLevel(q, levels);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ActivateResponsePlan command) {
        String by = required("by", command.by());
        String reason = required("reason", command.reason());
        if (activePlanLevel != 0) {
            throw new Conflict("level", "the plan of level " + activePlanLevel + " is already in effect; stand it down first");
        }
        apply(new ResponsePlanActivated(command.requestId(), command.gate(), command.level(), by, reason, command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StandDownResponsePlan command) {
        String by = required("by", command.by());
        String reason = required("reason", command.reason());
        if (activePlanLevel == 0) {
            throw new Conflict("gate", "no response plan is in effect at " + command.gate());
        }
        apply(new ResponsePlanStoodDown(command.requestId(), command.gate(), activePlanLevel, by, reason, command.at()));
    }

    private static String required(String field, String value) {
        return PersonText.required(field, value, 500);
    }

    private void decideLevel(QueueObserved q, LevelPolicy levels) {
        int next = levels.next(level, q.waiting(), q.yardOccupancy());
        if (next > level) {
            apply(new LevelRaised(q.eventId() + ":level", id, level, next, levels.causeOf(next, q.waiting(),
                    q.yardOccupancy()), q.waiting(), q.yardOccupancy(), q.at()));
        } else if (next < level) {
            apply(new LevelCleared(q.eventId() + ":level", id, level, next, q.waiting(), q.yardOccupancy(), q.at()));
        }
    }

    @EventSourcingHandler
    void on(GateEvent e) {
        id = e.gate();
        if (e instanceof QueueObserved q) {
            observe(q);
        } else if (e instanceof LevelRaised r) {
            level = r.to();
        } else if (e instanceof LevelCleared c) {
            level = c.to();
        } else if (e instanceof ResponsePlanActivated a) {
            activePlanLevel = a.level();
        } else if (e instanceof ResponsePlanStoodDown) {
            activePlanLevel = 0;
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

    public int level() {
        return level;
    }

    public Double yardOccupancy() {
        return yardOccupancy;
    }
}
