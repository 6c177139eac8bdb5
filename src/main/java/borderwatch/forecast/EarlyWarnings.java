package borderwatch.forecast;

import borderwatch.congestion.Congestion;
import borderwatch.engine.Engine;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Turns each new forecast into early warnings by {@link WarningRule}: issued when a level above
 * today's is first forecast within the horizon (or a higher one than the warning in force), withdrawn
 * when the gate reaches the warned level (it came true) or the forecast falls clear of it. Commands go
 * through the gate's warning stream, so two nodes forecasting alike still record one warning.
 */
final class EarlyWarnings implements java.util.function.Consumer<Map<String, Forecaster.GateForecast>> {

    private final Engine engine;
    private final Clock clock;

    public EarlyWarnings(Engine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /** Blocking: sends commands and waits for them. */
    @Override
    public void accept(Map<String, Forecaster.GateForecast> forecast) {
        for (Forecaster.GateForecast f : forecast.values()) {
            record Now(WarningLog.Warning open, int level) {
            }
            Now now = engine.live().query(m -> new Now(WarningLog.of(m).open(f.gate()), Congestion.of(m).level(f.gate())));
            String id = GateWarnings.idOf(f.gate());
            int warned = now.open() == null ? 0 : now.open().level();
            WarningRule.Decision decision = WarningRule.decide(warned, now.level(), f,
                    engine.gates().get(f.gate()).levels());
            if (decision instanceof WarningRule.Issue issue) {
                engine.commands().sendAndWait(new GateWarnings.Issue(id, f.gate(), issue.warning().level(),
                        issue.warning().levelId(), issue.warning().expectedAt(), UUID.randomUUID().toString(), clock.instant()));
            } else if (decision instanceof WarningRule.Withdraw withdraw) {
                engine.commands().sendAndWait(new GateWarnings.Withdraw(id, f.gate(), withdraw.reason(),
                        UUID.randomUUID().toString(), clock.instant()));
            }
        }
    }
}
