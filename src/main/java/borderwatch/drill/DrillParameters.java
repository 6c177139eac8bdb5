package borderwatch.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A drill as requested, presets resolved: which gates are affected and how, for how long, how fast
 * it plays, and optionally a response plan the drill applies itself once a gate reaches a level.
 */
public record DrillParameters(Scenario scenario, List<String> gates, int exportSurgePercent, int importSurgePercent,
                              int capacityPercent, int closedHours, int days, double secondsPerDay, Instant start,
                              AutoPlan plan) {

    /** Steps of the queue model; a day has 96. */
    public static final Duration STEP = Duration.ofMinutes(15);

    /**
     * Apply {@code gate}'s plan of {@code level} when the gate reaches that level; {@code divertTo},
     * when given, sends the plan's diverted exports to that gate instead of the configured one.
     */
    public record AutoPlan(String gate, int level, String divertTo) {
    }

    public DrillParameters {
        gates = List.copyOf(gates);
    }

    public Instant end() {
        return start.plus(Duration.ofDays(days));
    }

    public int steps() {
        return (int) (Duration.ofDays(days).toMillis() / STEP.toMillis());
    }

    /** Real milliseconds between two steps. */
    public long millisPerStep() {
        return Math.max(1, Math.round(secondsPerDay * 1000 / (Duration.ofDays(1).toMillis() / STEP.toMillis())));
    }
}
