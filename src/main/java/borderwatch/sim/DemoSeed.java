package borderwatch.sim;

import borderwatch.engine.Engine;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.gate.ReportLimits;
import borderwatch.tradeplan.SetAnnualPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives a fresh demo store a past: last year and this year to date as daily totals, yesterday and
 * today minute by minute up to now, and both years' plans, so the board and plan progress mean
 * something at once. Yesterday is simulated in full so the 24-hour charts and the forecast's day
 * estimate see ordinary traffic, not a day's total landing at noon.
 */
public final class DemoSeed {

    /** Preset plans in USD cents, of the order the province reports (about 5.200 million USD a year). */
    static final long PLAN_EXPORT_CENTS = 3_150_000_000_00L;
    static final long PLAN_IMPORT_CENTS = 2_080_000_000_00L;
    static final long PLAN_TOTAL_CENTS = 5_230_000_000_00L;

    private DemoSeed() {
    }

    /** Seeds an empty store; returns the instant up to which the simulator has already run. */
    public static Instant seedIfEmpty(Engine core, Simulator simulator, Clock clock) {
        ZoneId zone = core.gates().zone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate yesterday = today.minusDays(1);
        Instant yesterdayMidnight = yesterday.atStartOfDay(zone).toInstant();
        if (core.storage().headPosition() > 0) {
            return now;
        }
        // A smaller province's simulated trade is smaller: its plan is scaled with its volumes.
        double scale = simulator.volumeScale();
        for (int year : new int[] {today.getYear() - 1, today.getYear()}) {
            core.commands().sendAndWait(SetAnnualPlan.of(year, Math.round(PLAN_EXPORT_CENTS * scale),
                    Math.round(PLAN_IMPORT_CENTS * scale), Math.round(PLAN_TOTAL_CENTS * scale),
                    "Kế hoạch năm " + year + " (dữ liệu mô phỏng)", "demo-plan-" + year, now));
        }
        List<GateReport> history = new ArrayList<>();
        for (LocalDate d = LocalDate.of(today.getYear() - 1, 1, 1); d.isBefore(yesterday); d = d.plusDays(1)) {
            history.addAll(simulator.dailyTotals(d));
        }
        history.addAll(simulator.minutes(yesterdayMidnight, now));
        for (int i = 0; i < history.size(); i += 5_000) {
            core.commands().sendAndWait(new RecordGateEvents(history.subList(i, Math.min(history.size(), i + 5_000)), ReportLimits.DAILY_TOTALS));
        }
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), 60) * 60);
    }
}
