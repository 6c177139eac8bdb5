package borderwatch.gate;

import borderwatch.province.LevelPolicy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import borderwatch.gate.GateDecision.LevelCleared;
import borderwatch.gate.GateDecision.LevelRaised;
import borderwatch.gate.GateDecision.ResponsePlanActivated;
import borderwatch.gate.GateDecision.ResponsePlanStoodDown;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.shared.Conflict;
import borderwatch.shared.EventRoutes;
import borderwatch.shared.PersonText;
import borderwatch.shared.Rejection;
import borderwatch.store.StoredAs;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One border gate's stream. It accepts reports that belong to it and keeps what later decisions
 * (congestion levels) need: the latest queue observation.
 */
@StoredAs("snapshot.gate.v1")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Gate {

    /** What each of its events does to the state a gate keeps for its decisions. */
    static final EventRoutes<Gate> STATE = new EventRoutes<Gate>()
            .on(QueueObserved.class, Gate::observe)
            .on(LevelRaised.class, (g, r) -> g.level = r.to())
            .on(LevelCleared.class, (g, c) -> g.level = c.to())
            .on(ResponsePlanActivated.class, (g, a) -> g.activePlanLevel = a.level())
            .on(ResponsePlanStoodDown.class, (g, d) -> g.activePlanLevel = 0)
            .ignore(VehiclesCleared.class, TurnoverRecorded.class);

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

    public void record(GateReport report) {
        record(report, ReportLimits.LIVE, LevelPolicy.NONE);
    }

    /**
     * Records a report within {@code limits}; a queue observation may also move the congestion level
     * under {@code levels}. Decisions cannot be passed in: the type admits reports only.
     */
    public void record(GateReport report, ReportLimits limits, LevelPolicy levels) {
        if (!id.equals(report.gate())) {
            throw new Rejection("gate", "event for " + report.gate() + " sent to gate " + id);
        }
        if (report instanceof VehiclesCleared v && (v.vehicles() <= 0 || v.vehicles() > limits.maxVehicles())) {
            throw new Rejection("vehicles", "must be a positive count of at most " + limits.maxVehicles());
        }
        if (report instanceof TurnoverRecorded t && (t.usdCents() < 0 || t.usdCents() > limits.maxUsdCents())) {
            throw new Rejection("usd", "must be between 0 and " + limits.maxUsdCents() / 100);
        }
        if (report instanceof QueueObserved q && (q.waiting() < 0 || q.waiting() > limits.maxWaiting())) {
            throw new Rejection("waiting", "must be a count from 0 to " + limits.maxWaiting());
        }
        boolean latest = !(report instanceof QueueObserved q) || lastObservedAt == null
                || !q.at().isBefore(lastObservedAt);
        apply(report);
        if (report instanceof QueueObserved q && latest) {
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
        return PersonText.required(field, value, PersonText.MAX_REASON);
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
        STATE.apply(this, e);
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
