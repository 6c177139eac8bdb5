package borderwatch.forecast;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each gate's queue reports of the last few hours, so the forecaster can tell how many trucks
 * arrived (cleared plus the growth of the queue) rather than only how many were cleared. One
 * sample per minute, the latest report of that minute; a report older than the newest kept is
 * ignored, so a late or hostile sender cannot reorder the trend or grow it past
 * {@link #KEEP_MINUTES} samples.
 */
public final class QueueTrend implements Fold {

    static final int KEEP_MINUTES = 25 * 60;

    private static final EventRoutes<QueueTrend> ROUTES = new EventRoutes<QueueTrend>()
            .on(QueueObserved.class, QueueTrend::observed)
            .ignore(VehiclesCleared.class, TurnoverRecorded.class, LevelRaised.class, LevelCleared.class,
                    ResponsePlanActivated.class, ResponsePlanStoodDown.class);

    /** Per gate, {epoch minute, waiting} pairs, oldest first. */
    private final Map<String, List<long[]>> gates = new HashMap<>();

    public static QueueTrend of(ReadModel model) {
        return model.get(QueueTrend.class);
    }

    private void observed(QueueObserved q) {
        long minute = Math.floorDiv(q.at().getEpochSecond(), 60);
        List<long[]> samples = gates.computeIfAbsent(q.gate(), g -> new ArrayList<>());
        long[] last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
        if (last != null && minute < last[0]) {
            return;
        }
        if (last != null && minute == last[0]) {
            last[1] = q.waiting();
        } else {
            samples.add(new long[] {minute, q.waiting()});
        }
        int drop = 0;
        while (drop < samples.size() && samples.get(drop)[0] <= minute - KEEP_MINUTES) {
            drop++;
        }
        samples.subList(0, drop).clear();
    }

    /**
     * The waiting count reported nearest before or at {@code epochMinute}, within {@code slackMinutes}
     * of it; null when no report is that close.
     */
    public Integer waitingAt(String gate, long epochMinute, long slackMinutes) {
        List<long[]> samples = gates.get(gate);
        if (samples == null) {
            return null;
        }
        for (int i = samples.size() - 1; i >= 0; i--) {
            long[] s = samples.get(i);
            if (s[0] <= epochMinute) {
                return epochMinute - s[0] <= slackMinutes ? (int) s[1] : null;
            }
        }
        return null;
    }

    /** Samples held for a gate. */
    int size(String gate) {
        return gates.getOrDefault(gate, List.of()).size();
    }

    @Override
    public EventRoutes<?> routes() {
        return ROUTES;
    }

    @Override
    public QueueTrend copy() {
        QueueTrend c = new QueueTrend();
        gates.forEach((g, samples) -> {
            List<long[]> copied = new ArrayList<>(samples.size());
            samples.forEach(s -> copied.add(s.clone()));
            c.gates.put(g, copied);
        });
        return c;
    }
}
