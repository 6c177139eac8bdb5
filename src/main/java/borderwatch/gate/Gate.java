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
            .on(VehiclesCleared.class, Gate::cleared)
            .ignore(TurnoverRecorded.class);

    /**
     * A gate whose queue of at least {@link #STALLED_WAITING} trucks has seen nothing cleared for
     * {@link #STALLED_AFTER}, while the hours the province file gives it say it is open, has stopped: it stands at
     * {@link #STALLED_LEVEL} (or its highest level, if it has fewer) whatever the queue's size, with the
     * cause {@code stalled}, until it clears again.
     */
    public static final java.time.Duration STALLED_AFTER = java.time.Duration.ofHours(1);
    public static final int STALLED_WAITING = 20;
    public static final int STALLED_LEVEL = 2;
    public static final String STALLED = "stalled";
    /** The cause of a level raised because the expected wait passed the gate's limit in the province file. */
    public static final String WAIT = "wait";
    /** The clearance rate behind the expected wait is measured over this window, as the board's is. */
    public static final java.time.Duration WAIT_RATE_WINDOW = java.time.Duration.ofHours(2);

    @AggregateIdentifier
    private String id;
    private int waiting;
    private Double yardOccupancy;
    private Instant lastObservedAt;
    private int level;
    private int activePlanLevel;
    private Instant lastClearedAt;
    private Instant firstObservedAt;
    private java.util.List<Cleared> recentClearances = new java.util.ArrayList<>();

    /** Vehicles cleared at an instant (epoch seconds), kept for the expected wait. */
    record Cleared(long at, long vehicles) {
    }

    public Gate() {
        // for Axon
    }

    public Gate(String id) {
        this.id = id;
    }

    public void record(GateReport report) {
        record(report, ReportLimits.LIVE, LevelPolicy.NONE, GateRules.NONE);
    }

    public void record(GateReport report, ReportLimits limits, LevelPolicy levels) {
        record(report, limits, levels, GateRules.NONE);
    }

    /**
     * Records a report within {@code limits}; a queue observation may also move the congestion level
     * under {@code levels}. Decisions cannot be passed in: the type admits reports only.
     */
    /**
     * As above, with the gate's {@code rules}: when its hours have it open, for the stopped-gate rule (a
     * gate shut by its hours is not stopped, and a gate without hours is never found stopped, since its
     * nights cannot be told from a stop), and the expected wait past which it stands at an alert level.
     */
    public void record(GateReport report, ReportLimits limits, LevelPolicy levels, GateRules rules) {
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
            decideLevel(q, levels, rules);
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

    private void decideLevel(QueueObserved q, LevelPolicy levels, GateRules rules) {
        int byQueue = levels.next(level, q.waiting(), q.yardOccupancy());
        int alert = Math.min(STALLED_LEVEL, levels.levels().size());
        boolean stalled = stalled(q, rules.open());
        boolean waitTooLong = !stalled && waitPastLimit(q, rules.alertWaitMinutes());
        int next = Math.max(byQueue, stalled || waitTooLong ? alert : 0);
        if (next > level) {
            String cause = next > byQueue ? (stalled ? STALLED : WAIT) : levels.causeOf(next, q.waiting(), q.yardOccupancy());
            apply(new LevelRaised(q.eventId() + ":level", id, level, next, cause, q.waiting(), q.yardOccupancy(), q.at()));
        } else if (next < level) {
            apply(new LevelCleared(q.eventId() + ":level", id, level, next, q.waiting(), q.yardOccupancy(), q.at()));
        }
    }

    @EventSourcingHandler
    void on(GateEvent e) {
        id = e.gate();
        STATE.apply(this, e);
    }

    /** Trucks waiting, nothing cleared for {@link #STALLED_AFTER}, and the gate open all that time by its hours. */
    private boolean stalled(QueueObserved q, java.util.function.Predicate<Instant> open) {
        Instant since = lastClearedAt != null ? lastClearedAt : firstObservedAt;
        if (open == null || q.waiting() < STALLED_WAITING || since == null || q.at().isBefore(since.plus(STALLED_AFTER))) {
            return false;
        }
        for (long back = 0; back <= STALLED_AFTER.toMinutes(); back += 15) {
            if (!open.test(q.at().minus(java.time.Duration.ofMinutes(back)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The wait of a truck joining now — the queue over what the gate cleared an hour over the last
     * {@link #WAIT_RATE_WINDOW} — at or past {@code limit} minutes. A gate that cleared nothing in that
     * window is the stopped-gate rule's to judge.
     */
    private boolean waitPastLimit(QueueObserved q, Integer limit) {
        if (limit == null || q.waiting() < STALLED_WAITING) {
            return false;
        }
        long from = q.at().minus(WAIT_RATE_WINDOW).getEpochSecond();
        long cleared = 0;
        for (Cleared c : recentClearances) {
            if (c.at() > from && c.at() <= q.at().getEpochSecond()) {
                cleared += c.vehicles();
            }
        }
        if (cleared == 0) {
            return false;
        }
        double perMinute = cleared / (double) WAIT_RATE_WINDOW.toMinutes();
        return q.waiting() / perMinute >= limit;
    }

    private void cleared(VehiclesCleared v) {
        if (lastClearedAt == null || v.at().isAfter(lastClearedAt)) {
            lastClearedAt = v.at();
        }
        // Kept for the expected wait: what was cleared over the last window, by the report's own time.
        recentClearances.add(new Cleared(v.at().getEpochSecond(), v.vehicles()));
        long keepFrom = lastClearedAt.minus(WAIT_RATE_WINDOW).getEpochSecond();
        recentClearances.removeIf(c -> c.at() <= keepFrom);
    }

    private void observe(QueueObserved e) {
        if (firstObservedAt == null || e.at().isBefore(firstObservedAt)) {
            firstObservedAt = e.at();
        }
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
