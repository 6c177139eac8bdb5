package borderwatch.board;

import borderwatch.gate.GateDecision.LevelCleared;
import borderwatch.gate.GateDecision.LevelRaised;
import borderwatch.gate.GateDecision.ResponsePlanActivated;
import borderwatch.gate.GateDecision.ResponsePlanStoodDown;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateEvent;
import borderwatch.readmodel.Fold;
import borderwatch.readmodel.ReadModel;
import borderwatch.tradeplan.PlanEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The board's activity list: the latest queue reports, level changes, response plans and annual
 * plans, newest first. A fold like the others, so the list is the same after a restart as before.
 */
public final class RecentActivity implements Fold, GateEvent.Handler<Void>, PlanEvent.Handler<Void> {

    static final int ITEMS = 20;

    private final Deque<Map<String, Object>> items = new ArrayDeque<>();
    private long added;

    /** The activity fold of {@code model}. */
    public static RecentActivity of(ReadModel model) {
        return model.get(RecentActivity.class);
    }

    @Override
    public void apply(Object event) {
        if (event instanceof GateEvent e) {
            e.accept(this);
        } else if (event instanceof PlanEvent e) {
            e.accept(this);
        }
    }

    @Override
    public Void queueObserved(QueueObserved q) {
        Map<String, Object> item = item("queue", q.gate(), q.at());
        item.put("waiting", q.waiting());
        item.put("yardOccupancy", q.yardOccupancy());
        return add(item);
    }

    @Override
    public Void levelRaised(LevelRaised r) {
        Map<String, Object> item = item("level", r.gate(), r.at());
        item.put("from", r.from());
        item.put("to", r.to());
        item.put("cause", r.cause());
        item.put("waiting", r.waiting());
        return add(item);
    }

    @Override
    public Void levelCleared(LevelCleared c) {
        Map<String, Object> item = item("level", c.gate(), c.at());
        item.put("from", c.from());
        item.put("to", c.to());
        item.put("waiting", c.waiting());
        return add(item);
    }

    @Override
    public Void responsePlanActivated(ResponsePlanActivated a) {
        Map<String, Object> item = item("response-plan-activated", a.gate(), a.at());
        item.put("level", a.level());
        item.put("by", a.by());
        return add(item);
    }

    @Override
    public Void responsePlanStoodDown(ResponsePlanStoodDown d) {
        Map<String, Object> item = item("response-plan-stood-down", d.gate(), d.at());
        item.put("level", d.level());
        item.put("by", d.by());
        return add(item);
    }

    @Override
    public Void annualPlanSet(PlanEvent.AnnualPlanSet e) {
        return plan(e);
    }

    @Override
    public Void annualPlanRevised(PlanEvent.AnnualPlanRevised e) {
        return plan(e);
    }

    @Override
    public Void vehiclesCleared(VehiclesCleared e) {
        return null;
    }

    @Override
    public Void turnoverRecorded(TurnoverRecorded e) {
        return null;
    }

    private Void plan(PlanEvent p) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", "plan");
        item.put("year", p.year());
        item.put("at", p.at());
        item.put("reason", p.reason());
        return add(item);
    }

    private static Map<String, Object> item(String kind, String gate, Instant at) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", kind);
        item.put("gate", gate);
        item.put("at", at);
        return item;
    }

    private Void add(Map<String, Object> item) {
        items.addFirst(Collections.unmodifiableMap(item));
        if (items.size() > ITEMS) {
            items.removeLast();
        }
        added++;
        return null;
    }

    /** The items, newest first. */
    public List<Map<String, Object>> items() {
        return List.copyOf(items);
    }

    /** How many items were ever added; it changes exactly when the list does. */
    public long added() {
        return added;
    }

    @Override
    public RecentActivity copy() {
        RecentActivity c = new RecentActivity();
        c.items.addAll(items);
        c.added = added;
        return c;
    }
}
