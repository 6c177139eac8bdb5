package borderwatch.board;

import borderwatch.forecast.WarningEvent;
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
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The board's activity list: the latest queue reports, level changes, response plans, early warnings
 * and annual plans, newest first. Queue reports come every few minutes from every gate, so they are
 * kept apart: the list holds the last {@link #ITEMS} queue reports and the last {@link #ITEMS} of
 * everything else, and a morning of routine reports never pushes a plan activation out. A fold like
 * the others, so the list is the same after a restart as before.
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
            .on(WarningEvent.WarningIssued.class, RecentActivity::warningIssued)
            .on(WarningEvent.WarningWithdrawn.class, RecentActivity::warningWithdrawn)
            // A backtest of imported history is not news: what it would have warned stays out of the feed.
            .ignore(VehiclesCleared.class, TurnoverRecorded.class, WarningEvent.HistoryBacktested.class);

    static final int ITEMS = 20;

    private final Deque<Item> items = new ArrayDeque<>();
    private long added;

    /** The activity fold of {@code model}. */
    public static RecentActivity of(ReadModel model) {
        return model.get(RecentActivity.class);
    }

    /** One line of the list; what a kind does not carry is left out of its JSON. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String kind, String gate, Integer year, Instant at, Integer waiting, Double yardOccupancy,
                       Integer from, Integer to, String cause, Integer level, String by, String reason) {
    }

    private void queueObserved(QueueObserved q) {
        add(new Item("queue", q.gate(), null, q.at(), q.waiting(), q.yardOccupancy(), null, null, null, null, null,
                null));
    }

    private void warningIssued(WarningEvent.WarningIssued w) {
        add(new Item("warning", w.gate(), null, w.at(), null, null, null, w.level(), null, w.level(), null,
                w.expectedAt().toString()));
    }

    private void warningWithdrawn(WarningEvent.WarningWithdrawn w) {
        add(new Item("warning-withdrawn", w.gate(), null, w.at(), null, null, null, null, null, w.level(), null, w.reason()));
    }

    private void levelRaised(LevelRaised r) {
        add(new Item("level", r.gate(), null, r.at(), r.waiting(), null, r.from(), r.to(), r.cause(), null, null, null));
    }

    private void levelCleared(LevelCleared c) {
        add(new Item("level", c.gate(), null, c.at(), c.waiting(), null, c.from(), c.to(), null, null, null, null));
    }

    private void responsePlanActivated(ResponsePlanActivated a) {
        add(new Item("response-plan-activated", a.gate(), null, a.at(), null, null, null, null, null, a.level(),
                a.by(), a.reason()));
    }

    private void responsePlanStoodDown(ResponsePlanStoodDown d) {
        add(new Item("response-plan-stood-down", d.gate(), null, d.at(), null, null, null, null, null, d.level(),
                d.by(), d.reason()));
    }

    private void plan(PlanEvent p) {
        add(new Item("plan", null, p.year(), p.at(), null, null, null, null, null, null, null, p.reason()));
    }

    private void add(Item item) {
        items.addFirst(item);
        boolean queue = isQueue(item);
        if (items.stream().filter(i -> isQueue(i) == queue).count() > ITEMS) {
            Iterator<Item> oldestFirst = items.descendingIterator();
            while (oldestFirst.hasNext()) {
                if (isQueue(oldestFirst.next()) == queue) {
                    oldestFirst.remove();
                    break;
                }
            }
        }
        added++;
    }

    private static boolean isQueue(Item item) {
        return item.kind().equals("queue");
    }

    /** The items, newest first. */
    public List<Item> items() {
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
