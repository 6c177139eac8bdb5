package borderwatch.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.province.Direction;
import borderwatch.readmodel.FoldedModel;
import borderwatch.readmodel.ReadModel;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The traffic fold, in a read model of its own. */
class TrafficTest {

    private final FoldedModel folded = new FoldedModel(gates -> List.of(new Traffic(gates)));
    private final ReadModel model = folded.model();

    private void fold(Object event) {
        folded.fold(event);
    }

    @Test
    void countsDaysInTheGatesZoneNotInUtc() {
        // 00:30 on 1 Jan in Lạng Sơn is 17:30 UTC on 31 Dec; it belongs to 2025 in the gate's books.
        fold(new VehiclesCleared("a", "huu-nghi", Direction.EXPORT, 5, FoldedModel.local("2024-12-31T23:30:00")));
        fold(new VehiclesCleared("b", "huu-nghi", Direction.EXPORT, 7, FoldedModel.local("2025-01-01T00:30:00")));

        assertThat(Traffic.of(model).day("huu-nghi", LocalDate.of(2024, 12, 31)).exportVehicles()).isEqualTo(5);
        assertThat(Traffic.of(model).day("huu-nghi", LocalDate.of(2025, 1, 1)).exportVehicles()).isEqualTo(7);
        assertThat(Traffic.of(model).range("huu-nghi", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).exportVehicles())
                .isEqualTo(7);
    }
    @Test
    void theLastHourRateCoversExactlySixtyMinutes() {
        fold(new VehiclesCleared("a", "coc-nam", Direction.EXPORT, 4, FoldedModel.local("2025-05-14T07:59:00")));
        fold(new VehiclesCleared("b", "coc-nam", Direction.EXPORT, 6, FoldedModel.local("2025-05-14T08:00:00")));
        fold(new VehiclesCleared("c", "coc-nam", Direction.IMPORT, 9, FoldedModel.local("2025-05-14T08:59:59")));
        long now = Math.floorDiv(FoldedModel.local("2025-05-14T08:59:59").getEpochSecond(), 60);
        assertThat(Traffic.of(model).clearedInLast("coc-nam", now, 60)).containsExactly(6, 9);
    }
    @Test
    void theRecentWindowFollowsTheNewestReportAndForgetsMinutesOlderThanADay() {
        fold(new VehiclesCleared("a", "chi-ma", Direction.EXPORT, 5, FoldedModel.local("2025-05-14T08:00:00")));
        fold(new VehiclesCleared("b", "chi-ma", Direction.EXPORT, 2, FoldedModel.local("2025-05-15T08:30:00")));
        // Late, and more than a day older than the newest report: daily totals only.
        fold(new VehiclesCleared("c", "chi-ma", Direction.IMPORT, 9, FoldedModel.local("2025-05-14T07:00:00")));
        long now = Math.floorDiv(FoldedModel.local("2025-05-15T08:30:00").getEpochSecond(), 60);

        assertThat(Traffic.of(model).clearedInLast("chi-ma", now, 24 * 60)).containsExactly(2, 0);
        assertThat(Traffic.of(model).day("chi-ma", LocalDate.of(2025, 5, 14)))
                .isEqualTo(new GateDay(5, 9, 0, 0));
        long[][] hours = Traffic.of(model).hourlyClearances("chi-ma", now);
        assertThat(hours[23][0]).isEqualTo(2);
    }
    @Test
    void hourlyBucketsAreClockHoursSoTheCurrentOneStaysPutWithinTheHour() {
        fold(new VehiclesCleared("a", "coc-nam", Direction.EXPORT, 3, FoldedModel.local("2025-05-14T08:05:00")));
        fold(new VehiclesCleared("b", "coc-nam", Direction.EXPORT, 4, FoldedModel.local("2025-05-14T07:59:00")));
        long at0810 = Math.floorDiv(FoldedModel.local("2025-05-14T08:10:00").getEpochSecond(), 60);
        long at0850 = Math.floorDiv(FoldedModel.local("2025-05-14T08:50:00").getEpochSecond(), 60);
        assertThat(Traffic.firstHourOfWindow(at0810)).isEqualTo(Traffic.firstHourOfWindow(at0850));
        assertThat(Traffic.firstHourOfWindow(at0810) * 60)
                .isEqualTo(FoldedModel.local("2025-05-13T09:00:00").getEpochSecond());
        long[][] hours = Traffic.of(model).hourlyClearances("coc-nam", at0810);
        assertThat(hours[23][0]).as("08:00–08:59").isEqualTo(3);
        assertThat(hours[22][0]).as("07:00–07:59").isEqualTo(4);
    }
}
