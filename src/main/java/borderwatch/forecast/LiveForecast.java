package borderwatch.forecast;

import borderwatch.engine.Engine;
import borderwatch.province.GateConfig;
import borderwatch.province.LevelConfig;
import borderwatch.province.ResponsePlanEffects;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The live forecast: every gate's next 12 hours, recomputed every few minutes from the live read
 * model and kept as a read model of its own; "what if" comparisons run on demand beside it and are
 * never kept, stored or broadcast.
 */
final class LiveForecast {

    public static final Duration EVERY = Duration.ofMinutes(5);
    /** After a queue report or a plan change, the forecast runs again this soon (changes meanwhile wait for it). */
    public static final Duration SOON = Duration.ofSeconds(2);

    private final Engine engine;
    private final Clock clock;
    private volatile Map<String, Forecaster.GateForecast> latest = Map.of();
    private volatile long position = -1;
    private volatile Consumer<Map<String, Forecaster.GateForecast>> listener = f -> { };

    private final Consumer<Map<String, Forecaster.GateForecast>> warnings;

    /** {@code warnings} records early warnings from each new forecast ({@link EarlyWarnings}). */
    public LiveForecast(Engine engine, Clock clock, Consumer<Map<String, Forecaster.GateForecast>> warnings) {
        this.engine = engine;
        this.clock = clock;
        this.warnings = warnings;
    }

    /** Told of each new forecast (the live feed sends it on). */
    public void onRefresh(Consumer<Map<String, Forecaster.GateForecast>> listener) {
        this.listener = listener;
    }

    /** Runs the forecast now. Blocking: call off the event loop. */
    public Map<String, Forecaster.GateForecast> refresh() {
        long[] at = new long[1];
        latest = engine.live().query(m -> {
            at[0] = m.position();
            return Forecaster.run(m, clock.instant(), Map.of());
        });
        position = at[0];
        listener.accept(latest);
        warnings.accept(latest);
        return latest;
    }

    /** The latest forecast, run again first if reports arrived since (it takes milliseconds). Blocking. */
    public Map<String, Forecaster.GateForecast> current() {
        return latest.isEmpty() || engine.live().position() != position ? refresh() : latest;
    }

    public Map<String, Forecaster.GateForecast> latest() {
        return latest;
    }

    /** The outcome of applying {@code level}'s response plan at {@code gate} now, against doing nothing. */
    public record Comparison(String gate, int level, String planVi, String planEn, Forecaster.GateForecast without,
                             Forecaster.GateForecast with, String divertedTo, Forecaster.GateForecast divertedWithout,
                             Forecaster.GateForecast divertedWith) {
    }

    /** Blocking: call off the event loop. {@code level} must have a plan at {@code gate} (checked by the caller). */
    public Comparison whatIf(GateConfig gate, int level) {
        LevelConfig config = gate.levels().config(level);
        ResponsePlanEffects effects = config.effects();
        Map<String, ResponsePlanEffects> added = new LinkedHashMap<>();
        added.put(gate.id(), effects);
        var both = engine.live().query(m -> Map.of(
                "without", Forecaster.run(m, clock.instant(), Map.of()),
                "with", Forecaster.run(m, clock.instant(), added)));
        String to = effects.divertExportsTo();
        return new Comparison(gate.id(), level, String.join("; ", config.actionsVi()), String.join("; ", config.actionsEn()),
                both.get("without").get(gate.id()), both.get("with").get(gate.id()), to,
                to == null ? null : both.get("without").get(to), to == null ? null : both.get("with").get(to));
    }
}
