package borderwatch.projection;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.gate.Direction;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.Gates;
import borderwatch.plan.PlanEvent.AnnualPlanRevised;
import borderwatch.plan.PlanEvent.AnnualPlanSet;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReadModelTest {

    private final ReadModel model = new ReadModel(Gates.defaults());
    private long position;

    private void fold(Object event) {
        model.apply(++position, event);
    }

    private static Instant local(String isoLocal) {
        return java.time.LocalDateTime.parse(isoLocal).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
    }

    @Test
    void countsDaysInTheGatesZoneNotInUtc() {
        // 00:30 on 1 Jan in Lạng Sơn is 17:30 UTC on 31 Dec; it belongs to 2025 in the gate's books.
        fold(new VehiclesCleared("a", "huu-nghi", Direction.EXPORT, 5, local("2024-12-31T23:30:00")));
        fold(new VehiclesCleared("b", "huu-nghi", Direction.EXPORT, 7, local("2025-01-01T00:30:00")));

        assertThat(model.day("huu-nghi", LocalDate.of(2024, 12, 31)).exportVehicles()).isEqualTo(5);
        assertThat(model.day("huu-nghi", LocalDate.of(2025, 1, 1)).exportVehicles()).isEqualTo(7);
        assertThat(model.range("huu-nghi", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).exportVehicles())
                .isEqualTo(7);
    }

    @Test
    void anEventAppliedTwiceIsCountedOnce() {
        VehiclesCleared e = new VehiclesCleared("a", "chi-ma", Direction.IMPORT, 3, local("2025-03-01T10:00:00"));
        assertThat(model.apply(1, e)).isTrue();
        assertThat(model.apply(1, e)).isFalse();
        assertThat(model.day("chi-ma", LocalDate.of(2025, 3, 1)).importVehicles()).isEqualTo(3);
    }

    @Test
    void theLastHourRateCoversExactlySixtyMinutes() {
        fold(new VehiclesCleared("a", "coc-nam", Direction.EXPORT, 4, local("2025-05-14T07:59:00")));
        fold(new VehiclesCleared("b", "coc-nam", Direction.EXPORT, 6, local("2025-05-14T08:00:00")));
        fold(new VehiclesCleared("c", "coc-nam", Direction.IMPORT, 9, local("2025-05-14T08:59:59")));
        long now = Math.floorDiv(local("2025-05-14T08:59:59").getEpochSecond(), 60);
        assertThat(model.clearedInLast("coc-nam", now, 60)).containsExactly(6, 9);
    }

    @Test
    void theRecentWindowFollowsTheNewestReportAndForgetsMinutesOlderThanADay() {
        fold(new VehiclesCleared("a", "chi-ma", Direction.EXPORT, 5, local("2025-05-14T08:00:00")));
        fold(new VehiclesCleared("b", "chi-ma", Direction.EXPORT, 2, local("2025-05-15T08:30:00")));
        // Late, and more than a day older than the newest report: daily totals only.
        fold(new VehiclesCleared("c", "chi-ma", Direction.IMPORT, 9, local("2025-05-14T07:00:00")));
        long now = Math.floorDiv(local("2025-05-15T08:30:00").getEpochSecond(), 60);

        assertThat(model.clearedInLast("chi-ma", now, 24 * 60)).containsExactly(2, 0);
        assertThat(model.day("chi-ma", LocalDate.of(2025, 5, 14)))
                .isEqualTo(new GateDay(5, 9, 0, 0));
        long[][] hours = model.hourlyClearances("chi-ma", now);
        assertThat(hours[23][0]).isEqualTo(2);
    }

    @Test
    void hourlyBucketsAreClockHoursSoTheCurrentOneStaysPutWithinTheHour() {
        fold(new VehiclesCleared("a", "coc-nam", Direction.EXPORT, 3, local("2025-05-14T08:05:00")));
        fold(new VehiclesCleared("b", "coc-nam", Direction.EXPORT, 4, local("2025-05-14T07:59:00")));
        long at0810 = Math.floorDiv(local("2025-05-14T08:10:00").getEpochSecond(), 60);
        long at0850 = Math.floorDiv(local("2025-05-14T08:50:00").getEpochSecond(), 60);
        assertThat(ReadModel.firstHourOfWindow(at0810)).isEqualTo(ReadModel.firstHourOfWindow(at0850));
        assertThat(ReadModel.firstHourOfWindow(at0810) * 60)
                .isEqualTo(local("2025-05-13T09:00:00").getEpochSecond());
        long[][] hours = model.hourlyClearances("coc-nam", at0810);
        assertThat(hours[23][0]).as("08:00–08:59").isEqualTo(3);
        assertThat(hours[22][0]).as("07:00–07:59").isEqualTo(4);
    }

    @Test
    void aLateQueueReportDoesNotOverwriteANewerOne() {
        fold(new QueueObserved("q2", "tan-thanh", 120, 0.8, local("2025-05-14T09:00:00")));
        fold(new QueueObserved("q1", "tan-thanh", 20, 0.1, local("2025-05-14T08:00:00")));
        assertThat(model.queue("tan-thanh").waiting()).isEqualTo(120);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("progress: % of plan, change vs the same period last year, straight-line projection")
    void progressArithmeticOnHandComputedFigures() {
        // Plan 2025: export 1,000.00, import 2,000.00, total 3,000.00 USD (revised once).
        fold(new AnnualPlanSet("p1", 2025, 90_000, 200_000, 290_000, "", Instant.EPOCH));
        fold(new AnnualPlanRevised("p2", 2025, 100_000, 200_000, 300_000, "điều chỉnh", Instant.EPOCH));
        // 2024, same period (to 10 Jan): export 400.00, import 1,000.00; after it: ignored.
        fold(new TurnoverRecorded("a", "huu-nghi", Direction.EXPORT, 40_000, local("2024-01-05T10:00:00")));
        fold(new TurnoverRecorded("b", "coc-nam", Direction.IMPORT, 100_000, local("2024-01-10T23:59:00")));
        fold(new TurnoverRecorded("c", "coc-nam", Direction.IMPORT, 999_999, local("2024-01-11T00:00:00")));
        // 2025 to 10 Jan: export 345.00, import 1,158.00.
        fold(new TurnoverRecorded("d", "tan-thanh", Direction.EXPORT, 34_500, local("2025-01-02T10:00:00")));
        fold(new TurnoverRecorded("e", "dong-dang", Direction.IMPORT, 115_800, local("2025-01-10T12:00:00")));

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
        assertThat(model.plan(2025).orElseThrow().revisions()).isEqualTo(1);
    }

    @Test
    void progressWithoutAPlanOrLastYearGivesNullsNotErrors() {
        fold(new TurnoverRecorded("d", "tan-thanh", Direction.EXPORT, 1_000, local("2026-03-02T10:00:00")));
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
