package borderwatch.forecast;

import borderwatch.congestion.Congestion;
import borderwatch.gate.GateDecision;
import borderwatch.gate.GateReport;
import borderwatch.province.GateConfig;
import borderwatch.readmodel.BusinessTimed;
import borderwatch.readmodel.ReadModel;
import borderwatch.readmodel.Replay;
import borderwatch.store.EventStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The live forecaster and warning rule run over a stored past: the store is read once; events up to
 * {@code from} (by business time) are folded as a replay would, the rest are sorted by business time and
 * folded step by step, and at each step the forecast is made exactly as live from what was known at
 * that instant, never from an event after it. Nothing is written to the store; what the forecast said
 * goes to {@link Output}, and what happened (queue reports, levels) is kept to score it
 * ({@link BacktestScore}).
 */
public final class Backtest {

    /** The period stepped through, how often a forecast is made, and which gates (all when empty). */
    public record Options(Instant from, Instant to, Duration every, List<String> gates) {

        public Options {
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("to must be after from");
            }
            if (every.compareTo(Duration.ofMinutes(1)) < 0 || every.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("every must be from 1 minute to 1 day");
            }
            gates = gates == null ? List.of() : List.copyOf(gates);
        }

        long steps() {
            return Duration.between(from, to).toSeconds() / every.toSeconds() + 1;
        }
    }

    /** A warning the rule issued in the backtest; {@code endedAt} and {@code reason} null while still in force at the end. */
    public record WarningRecord(String gate, Instant issuedAt, Instant expectedAt, int level, String levelId,
                                Instant endedAt, String reason) {
    }

    /** A level the gate actually raised or cleared in the period (from the store). */
    public record LevelRecord(String gate, Instant raisedAt, Instant clearedAt, int level, int from) {
    }

    /** Where a backtest's forecasts, warnings and levels go as they are made. */
    public interface Output {
        void forecast(Forecaster.GateForecast forecast);

        void warning(WarningRecord warning);

        void level(LevelRecord level);
    }

    private record Later(long position, BusinessTimed event) {
    }

    private Backtest() {
    }

    /**
     * Steps {@code options}' period over {@code storage}, folding into {@code blank} (a read model that has
     * seen nothing); {@code progress} is told of each step done (0 … steps).
     */
    public static BacktestScore run(EventStorage storage, ReadModel blank, Options options, LongConsumer progress,
                                    Output out) {
        if (blank.position() != 0) {
            throw new IllegalArgumentException("a backtest folds into a read model that has seen nothing");
        }
        List<GateConfig> gates = blank.gates().all().stream()
                .filter(g -> options.gates().isEmpty() || options.gates().contains(g.id())).toList();
        if (gates.isEmpty()) {
            throw new IllegalArgumentException("none of the gates asked for is in the province");
        }
        BacktestScore.Truth truth = new BacktestScore.Truth();
        List<Later> later = new ArrayList<>();
        Replay.Result replay = Replay.asOf(storage, blank, options.from(), p -> { },
                (position, event) -> later.add(new Later(position, event)), payload -> {
                    if (payload instanceof GateReport.QueueObserved q) {
                        truth.observed(q.gate(), q.at(), q.waiting());
                    }
                });
        ReadModel model = replay.model();
        later.sort(Comparator.comparing((Later l) -> l.event().at()).thenComparingLong(Later::position));
        truth.seal();

        Map<String, Integer> levelAt = new HashMap<>();
        Congestion congestion = Congestion.of(model);
        for (GateConfig g : gates) {
            levelAt.put(g.id(), congestion.level(g.id()));
            truth.level(g.id(), options.from(), congestion.level(g.id()));
        }
        Map<String, WarningRecord> open = new LinkedHashMap<>();
        List<WarningRecord> warnings = new ArrayList<>();
        BacktestScore.Forecasts forecasts = new BacktestScore.Forecasts();
        long position = replay.position();
        int next = 0;
        long steps = options.steps();
        for (long step = 0; step < steps; step++) {
            Instant now = options.from().plus(options.every().multipliedBy(step));
            while (next < later.size() && !later.get(next).event().at().isAfter(now)) {
                BusinessTimed event = later.get(next++).event();
                // Positions here count the events in business-time order after the stream's head.
                model.apply(++position, event);
                if (event instanceof GateDecision.LevelRaised r && levelAt.containsKey(r.gate())) {
                    level(r.gate(), r.at(), r.from(), r.to(), levelAt, truth, out);
                } else if (event instanceof GateDecision.LevelCleared c && levelAt.containsKey(c.gate())) {
                    level(c.gate(), c.at(), c.from(), c.to(), levelAt, truth, out);
                }
            }
            Map<String, Forecaster.GateForecast> all = Forecaster.run(model, now, Map.of());
            for (GateConfig g : gates) {
                Forecaster.GateForecast f = all.get(g.id());
                out.forecast(f);
                forecasts.add(f);
                warn(g, f, Congestion.of(model).level(g.id()), now, open, warnings, out);
            }
            progress.accept(step + 1);
        }
        for (WarningRecord w : open.values()) {
            warnings.add(w);
            out.warning(w);
        }
        return BacktestScore.of(options, gates, truth, forecasts, warnings);
    }

    private static void level(String gate, Instant at, int from, int to, Map<String, Integer> levelAt,
                              BacktestScore.Truth truth, Output out) {
        levelAt.put(gate, to);
        truth.level(gate, at, to);
        if (to > from) {
            out.level(new LevelRecord(gate, at, null, to, from));
        } else {
            out.level(new LevelRecord(gate, null, at, to, from));
        }
    }

    /** The live rule ({@link WarningRule}) on the backtest's own warning in force. */
    private static void warn(GateConfig g, Forecaster.GateForecast f, int levelNow, Instant now,
                             Map<String, WarningRecord> open, List<WarningRecord> warnings, Output out) {
        WarningRecord inForce = open.get(g.id());
        WarningRule.Decision decision = WarningRule.decide(inForce == null ? 0 : inForce.level(), levelNow, f, g.levels());
        if (decision instanceof WarningRule.Issue issue) {
            if (inForce != null) {
                end(inForce, now, "superseded", open, warnings, out);
            }
            open.put(g.id(), new WarningRecord(g.id(), now, issue.warning().expectedAt(), issue.warning().level(),
                    issue.warning().levelId(), null, null));
        } else if (decision instanceof WarningRule.Withdraw withdraw && inForce != null) {
            end(inForce, now, withdraw.reason(), open, warnings, out);
        }
    }

    private static void end(WarningRecord w, Instant at, String reason, Map<String, WarningRecord> open,
                            List<WarningRecord> warnings, Output out) {
        WarningRecord ended = new WarningRecord(w.gate(), w.issuedAt(), w.expectedAt(), w.level(), w.levelId(), at, reason);
        open.remove(w.gate());
        warnings.add(ended);
        out.warning(ended);
    }
}
