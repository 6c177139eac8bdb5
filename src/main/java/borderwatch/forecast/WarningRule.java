package borderwatch.forecast;

import borderwatch.province.LevelPolicy;

/**
 * When an early warning is issued and withdrawn, given the warning in force and a new forecast. A
 * warning is withdrawn as not forecast only once the forecast falls below the warned level's own
 * clear thresholds, the same hysteresis a level uses on the way down, so a forecast hovering at the
 * threshold does not issue and withdraw a warning every few minutes.
 */
public final class WarningRule {

    /** What to do with a gate's warning. */
    public sealed interface Decision {
    }

    public record Keep() implements Decision {
    }

    public record Issue(Forecaster.Warning warning) implements Decision {
    }

    public record Withdraw(String reason) implements Decision {
    }

    private static final Keep KEEP = new Keep();

    private WarningRule() {
    }

    /**
     * {@code warnedLevel} is the level of the warning in force (0 for none), {@code levelNow} the gate's
     * level now.
     */
    public static Decision decide(int warnedLevel, int levelNow, Forecaster.GateForecast forecast, LevelPolicy policy) {
        if (warnedLevel > 0 && levelNow >= warnedLevel) {
            return new Withdraw("reached");
        }
        Forecaster.Warning next = forecast.warning();
        if (next != null && next.level() > warnedLevel) {
            return new Issue(next);
        }
        if (warnedLevel > 0 && !stillForecast(warnedLevel, forecast, policy)) {
            return new Withdraw("not-forecast");
        }
        return KEEP;
    }

    private static boolean stillForecast(int level, Forecaster.GateForecast forecast, LevelPolicy policy) {
        return forecast.points().stream().anyMatch(p -> p.level() >= level || policy.holds(level, p.waiting(), p.yardOccupancy()));
    }
}
