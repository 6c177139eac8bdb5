package borderwatch.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.province.GateConfig;
import borderwatch.province.LevelConfig;
import borderwatch.province.Province;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Warnings are issued once, held through a forecast hovering at the threshold, and withdrawn once. */
class WarningRuleTest {

    private static final GateConfig GATE = Province.defaults().get("tan-thanh");
    private static final LevelConfig ALERT = GATE.levels().config(2);
    private static final Instant NOW = Instant.parse("2025-05-14T02:00:00Z");

    /** A forecast from level 1 whose queue peaks at {@code peak} two hours ahead. */
    private static Forecaster.GateForecast peakingAt(int peak) {
        List<Forecaster.Point> points = new ArrayList<>();
        int level = 1;
        for (int i = 0; i < Forecaster.STEPS; i++) {
            int waiting = i <= 8 ? 100 + (peak - 100) * i / 8 : peak;
            level = GATE.levels().next(level, waiting, null);
            points.add(new Forecaster.Point(NOW.plus(Forecaster.STEP.multipliedBy(i + 1)), waiting, 0.1, level,
                    GATE.levels().idOf(level), 60));
        }
        Forecaster.Warning warning = points.stream().filter(p -> p.level() > 1).findFirst()
                .map(p -> new Forecaster.Warning(p.level(), p.levelId(), "", "", p.at(), 0)).orElse(null);
        return new Forecaster.GateForecast(GATE.id(), NOW, 1, 1, 1, 1, true, false, points, warning);
    }

    private static WarningRule.Decision decide(int warned, int levelNow, int peak) {
        return WarningRule.decide(warned, levelNow, peakingAt(peak), GATE.levels());
    }

    @Test
    void issuedWhenALevelIsForecastAndNotAgainWhileInForce() {
        assertThat(decide(0, 1, ALERT.raiseAtWaiting())).isEqualTo(
                new WarningRule.Issue(peakingAt(ALERT.raiseAtWaiting()).warning()));
        assertThat(decide(2, 1, ALERT.raiseAtWaiting() + 10)).isInstanceOf(WarningRule.Keep.class);
    }

    @Test
    void heldWhileTheForecastStaysAboveTheLevelsClearThreshold() {
        // The forecast falls back under the raise threshold but not under the level's clear threshold: kept.
        int between = (ALERT.raiseAtWaiting() + ALERT.clearBelowWaiting()) / 2;
        assertThat(between).isLessThan(ALERT.raiseAtWaiting());
        assertThat(decide(2, 1, between)).isInstanceOf(WarningRule.Keep.class);
        // Below it: withdrawn, not forecast any more.
        assertThat(decide(2, 1, ALERT.clearBelowWaiting() - 1)).isEqualTo(new WarningRule.Withdraw("not-forecast"));
    }

    @Test
    void withdrawnAsReachedWhenTheGateGetsThere() {
        assertThat(decide(2, 2, ALERT.raiseAtWaiting() + 50)).isEqualTo(new WarningRule.Withdraw("reached"));
    }

    @Test
    void aLowerLevelForecastDoesNotReplaceAWarningWhoseLevelStillHolds() {
        LevelConfig critical = GATE.levels().config(3);
        // Critical was warned of; the forecast now first reaches alert and stays above critical's clear threshold.
        assertThat(decide(3, 1, critical.clearBelowWaiting() + 1)).isInstanceOf(WarningRule.Keep.class);
        // Once it falls below that, the critical warning goes; the next run issues the alert one.
        assertThat(decide(3, 1, critical.clearBelowWaiting() - 1)).isEqualTo(new WarningRule.Withdraw("not-forecast"));
        assertThat(decide(0, 1, critical.clearBelowWaiting() - 1)).isInstanceOf(WarningRule.Issue.class);
    }
}
