package borderwatch.board;

import borderwatch.gate.GateDecision.LevelCleared;
import borderwatch.gate.GateDecision.LevelRaised;
import borderwatch.gate.GateDecision.ResponsePlanActivated;
import borderwatch.gate.GateDecision.ResponsePlanStoodDown;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.readmodel.Fold;
import borderwatch.readmodel.ReadModel;
import borderwatch.shared.EventRoutes;
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
public final class RecentActivity implements Fold {

    private static final EventRoutes<RecentActivity> ROUTES = new EventRoutes<RecentActivity>()
            .on(QueueObserved.class, RecentActivity::queueObserved)
            .on(LevelRaised.class, RecentActivity::levelRaised)
            .on(LevelCleared.class, RecentActivity::levelCleared)
            .on(ResponsePlanActivated.class, RecentActivity::responsePlanActivated)
            .on(ResponsePlanStoodDown.class, RecentActivity::responsePlanStoodDown)
            .on(PlanEvent.AnnualPlanSet.class, RecentActivity::plan)
            .on(PlanEvent.AnnualPlanRevised.class, RecentActivity::plan)
            .ignore(VehiclesCleared.class, TurnoverRecorded.class);

    static final int ITEMS = 20;

    private final Deque<Map<String, Object>> items = new ArrayDeque<>();
    private long added;

    /** The activity fold of {@code model}. */
    public static RecentActivity of(ReadModel model) {
        return model.get(RecentActivity.class);
    }

    private void queueObserved(QueueObserved q) {
        Map<String, Object> item = item("queue", q.gate(), q.at());
        item.put("waiting", q.waiting());
        item.put("yardOccupancy", q.yardOccupancy());
        add(item);
    }

    private void levelRaised(LevelRaised r) {
        Map<String, Object> item = item("level", r.gate(), r.at());
        item.put("from", r.from());
        item.put("to", r.to());
        item.put("cause", r.cause());
        item.put("waiting", r.waiting());
        add(item);
    }

    private void levelCleared(LevelCleared c) {
        Map<String, Object> item = item("level", c.gate(), c.at());
        item.put("from", c.from());
        item.put("to", c.to());
        item.put("waiting", c.waiting());
        add(item);
    }

    private void responsePlanActivated(ResponsePlanActivated a) {
        Map<String, Object> item = item("response-plan-activated", a.gate(), a.at());
        item.put("level", a.level());
        item.put("by", a.by());
        add(item);
    }

    private void responsePlanStoodDown(ResponsePlanStoodDown d) {
        Map<String, Object> item = item("response-plan-stood-down", d.gate(), d.at());
        item.put("level", d.level());
        item.put("by", d.by());
        add(item);
    }

    private void plan(PlanEvent p) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", "plan");
        item.put("year", p.year());
        item.put("at", p.at());
        item.put("reason", p.reason());
        add(item);
    }

    private static Map<String, Object> item(String kind, String gate, Instant at) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", kind);
        item.put("gate", gate);
        item.put("at", at);
        return item;
    }

    private void add(Map<String, Object> item) {
        items.addFirst(Collections.unmodifiableMap(item));
        if (items.size() > ITEMS) {
            items.removeLast();
        }
        added++;
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
    public EventRoutes<?> routes() {
        return ROUTES;
    }

    @Override
    public RecentActivity copy() {
        RecentActivity c = new RecentActivity();
        c.items.addAll(items);
        c.added = added;
        return c;
    }
}
