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
            .on(WarningWithdrawn.class, WarningLog::withdrawn);

    /** One warning; {@code endedAt} and {@code reason} are null while it is in force. */
    public record Warning(int level, String levelId, Instant issuedAt, Instant expectedAt, Instant endedAt, String reason) {

        /** How long before the level it came, for a warning that came true. */
        public Duration lead() {
            return Duration.between(issuedAt, endedAt);
        }
    }

    private final Map<String, List<Warning>> gates = new HashMap<>();

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
        return c;
    }
}
