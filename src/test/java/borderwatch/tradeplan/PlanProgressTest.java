package borderwatch.tradeplan;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.province.Direction;
import borderwatch.readmodel.FoldedModel;
import borderwatch.readmodel.ReadModel;
import borderwatch.tradeplan.PlanEvent.AnnualPlanRevised;
import borderwatch.tradeplan.PlanEvent.AnnualPlanSet;
import borderwatch.traffic.Traffic;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress against the annual plan, from the trade-plan and traffic folds. */
class PlanProgressTest {

    private final FoldedModel folded = new FoldedModel(gates -> List.of(new Traffic(gates), new TradePlans()));
    private final ReadModel model = folded.model();

    private void fold(Object event) {
        folded.fold(event);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("progress: % of plan, change vs the same period last year, straight-line projection")
    void progressArithmeticOnHandComputedFigures() {
        // Plan 2025: export 1,000.00, import 2,000.00, total 3,000.00 USD (revised once).
        fold(new AnnualPlanSet("p1", 2025, 90_000, 200_000, 290_000, "", Instant.EPOCH));
        fold(new AnnualPlanRevised("p2", 2025, 100_000, 200_000, 300_000, "điều chỉnh", Instant.EPOCH));
        // 2024, same period (to 10 Jan): export 400.00, import 1,000.00; after it: ignored.
        fold(new TurnoverRecorded("a", "huu-nghi", Direction.EXPORT, 40_000, FoldedModel.local("2024-01-05T10:00:00")));
        fold(new TurnoverRecorded("b", "coc-nam", Direction.IMPORT, 100_000, FoldedModel.local("2024-01-10T23:59:00")));
        fold(new TurnoverRecorded("c", "coc-nam", Direction.IMPORT, 999_999, FoldedModel.local("2024-01-11T00:00:00")));
        // 2025 to 10 Jan: export 345.00, import 1,158.00.
        fold(new TurnoverRecorded("d", "tan-thanh", Direction.EXPORT, 34_500, FoldedModel.local("2025-01-02T10:00:00")));
        fold(new TurnoverRecorded("e", "dong-dang", Direction.IMPORT, 115_800, FoldedModel.local("2025-01-10T12:00:00")));

        PlanProgress p = PlanProgress.of(model, 2025, LocalDate.of(2025, 1, 10));

        assertThat(p.planSet()).isTrue();
        assertThat(p.export().yearToDateUsd()).isEqualByComparingTo("345.00");
        assertThat(p.export().percentOfPlan()).isEqualByComparingTo("34.5");     // 345 / 1000
        assertThat(p.imports().percentOfPlan()).isEqualByComparingTo("57.9");    // 1158 / 2000
        assertThat(p.total().percentOfPlan()).isEqualByComparingTo("50.1");      // 1503 / 3000
        assertThat(p.export().changePercent()).isEqualByComparingTo("-13.8");    // 345 vs 400 = -13.75 -> -13.8
        assertThat(p.imports().changePercent()).isEqualByComparingTo("15.8");    // 1158 vs 1000
        assertThat(p.export().samePeriodLastYearUsd()).isEqualByComparingTo("400.00");
        // 345.00 over 10 days, 365 days a year: 12,592.50
        assertThat(p.export().projectedUsd()).isEqualByComparingTo("12592.50");
        assertThat(p.pacePercent()).isEqualByComparingTo("2.7");                 // 10 / 365
        assertThat(TradePlans.of(model).plan(2025).orElseThrow().revisions()).isEqualTo(1);
    }
    @Test
    void progressWithoutAPlanOrLastYearGivesNullsNotErrors() {
        fold(new TurnoverRecorded("d", "tan-thanh", Direction.EXPORT, 1_000, FoldedModel.local("2026-03-02T10:00:00")));
        PlanProgress p = PlanProgress.of(model, 2026, LocalDate.of(2026, 3, 2));
        assertThat(p.planSet()).isFalse();
        assertThat(p.export().percentOfPlan()).isNull();
        assertThat(p.export().changePercent()).isNull();
        assertThat(p.export().yearToDateUsd()).isEqualByComparingTo("10.00");
    }
    @Test
    void leapDayComparesWithTheTwentyEighthOfFebruary() {
        assertThat(PlanProgress.samePeriodEnd(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(PlanProgress.samePeriodEnd(LocalDate.of(2025, 5, 14))).isEqualTo(LocalDate.of(2024, 5, 14));
    }
}
