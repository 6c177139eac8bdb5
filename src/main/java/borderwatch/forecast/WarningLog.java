package borderwatch.forecast;

import borderwatch.forecast.WarningEvent.WarningIssued;
import borderwatch.forecast.WarningEvent.WarningWithdrawn;
import borderwatch.readmodel.Fold;
import borderwatch.readmodel.ReadModel;
import borderwatch.shared.EventRoutes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every early warning per gate: when issued, for which level and time, and how it ended. */
public final class WarningLog implements Fold {

    private static final EventRoutes<WarningLog> ROUTES = new EventRoutes<WarningLog>()
            .on(WarningIssued.class, WarningLog::issued)
            .on(WarningWithdrawn.class, WarningLog::withdrawn)
            .on(WarningEvent.HistoryBacktested.class, WarningLog::backtested);

    /** One warning; {@code endedAt} and {@code reason} are null while it is in force. */
    public record Warning(int level, String levelId, Instant issuedAt, Instant expectedAt, Instant endedAt, String reason) {

        /** How long before the level it came, for a warning that came true. */
        public Duration lead() {
            return Duration.between(issuedAt, endedAt);
        }
    }

    /** A period whose reports arrived late, and what the warning rule run over it said (oldest backtest first). */
    public record BacktestedPeriod(String gate, Instant from, Instant to, Instant at, List<Warning> warnings) {

        boolean covers(Instant t) {
            return !t.isBefore(from) && !t.isAfter(to);
        }
    }

    private final Map<String, List<Warning>> gates = new HashMap<>();
    private final Map<String, List<BacktestedPeriod>> backtested = new HashMap<>();

    public static WarningLog of(ReadModel model) {
        return model.get(WarningLog.class);
    }

    private void issued(WarningIssued e) {
        gates.computeIfAbsent(e.gate(), g -> new ArrayList<>())
             .add(new Warning(e.level(), e.levelId(), e.at(), e.expectedAt(), null, null));
    }

    private void withdrawn(WarningWithdrawn e) {
        List<Warning> list = gates.get(e.gate());
        if (list != null && !list.isEmpty() && list.get(list.size() - 1).endedAt() == null) {
            Warning w = list.remove(list.size() - 1);
            list.add(new Warning(w.level(), w.levelId(), w.issuedAt(), w.expectedAt(), e.at(), e.reason()));
        }
    }

    private void backtested(WarningEvent.HistoryBacktested e) {
        List<Warning> said = e.warnings().stream().map(w -> new Warning(w.level(), w.levelId(), w.issuedAt(),
                w.expectedAt(), w.endedAt(), w.reason())).toList();
        backtested.computeIfAbsent(e.gate(), g -> new ArrayList<>())
                  .add(new BacktestedPeriod(e.gate(), e.from(), e.to(), e.at(), said));
    }

    /** The periods of a gate whose reports arrived late and were backtested, oldest backtest first. */
    public List<BacktestedPeriod> backtested(String gate) {
        return backtested.getOrDefault(gate, List.of());
    }

    /**
     * The warnings a gate's record is judged on, issued before {@code to}: those the service issued
     * live, except in a backtested period, where what the rule said over the late reports stands instead
     * (the live rule had not seen them); where backtested periods overlap, the latest backtest stands.
     */
    public List<Warning> judged(String gate, Instant to) {
        List<BacktestedPeriod> periods = backtested(gate);
        List<Warning> out = new ArrayList<>();
        for (Warning w : gates.getOrDefault(gate, List.of())) {
            if (w.issuedAt().isBefore(to) && periods.stream().noneMatch(p -> p.covers(w.issuedAt()))) {
                out.add(w);
            }
        }
        for (int i = 0; i < periods.size(); i++) {
            List<BacktestedPeriod> later = periods.subList(i + 1, periods.size());
            for (Warning w : periods.get(i).warnings()) {
                if (w.issuedAt().isBefore(to) && later.stream().noneMatch(p -> p.covers(w.issuedAt()))) {
                    out.add(w);
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Warning::issuedAt));
        return out;
    }

    /** The warning in force at a gate, or null. */
    public Warning open(String gate) {
        List<Warning> list = gates.get(gate);
        Warning last = list == null || list.isEmpty() ? null : list.get(list.size() - 1);
        return last != null && last.endedAt() == null ? last : null;
    }

    /** Warnings issued in {@code [from, to)}. */
    public List<Warning> issuedIn(String gate, Instant from, Instant to) {
        return gates.getOrDefault(gate, List.of()).stream()
                .filter(w -> !w.issuedAt().isBefore(from) && w.issuedAt().isBefore(to)).toList();
    }

    @Override
    public EventRoutes<?> routes() {
        return ROUTES;
    }

    @Override
    public WarningLog copy() {
        WarningLog c = new WarningLog();
        gates.forEach((g, list) -> c.gates.put(g, new ArrayList<>(list)));
        backtested.forEach((g, list) -> c.backtested.put(g, new ArrayList<>(list)));
        return c;
    }
}
