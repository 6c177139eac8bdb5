package borderwatch.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import borderwatch.gate.GateReport;
import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.service.ReadModels;
import borderwatch.traffic.Traffic;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/**
 * Last year's season, weighed by what the lane carries now: counted by hand. Last May the export lane
 * carried 20 fruit and 80 other trucks a day, and in the week around this day 40 fruit and 80 other;
 * over the last week it carried 80 fruit and 20 other.
 */
class SeasonalPriorTest {

    static final Province PROVINCE = Province.defaults();
    static final GateConfig GATE = PROVINCE.get("tan-thanh");
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final LocalDate LAST_YEAR = TODAY.minusWeeks(52);

    private final ReadModel model = new ReadModel(PROVINCE, ReadModels.ALL);
    private long position;

    private void day(LocalDate d, int fruit, int other) {
        Instant noon = d.atTime(LocalTime.NOON).atZone(GATE.zone()).toInstant();
        model.apply(++position, new GateReport.VehiclesCleared("f-" + position, GATE.id(), Direction.EXPORT, fruit, noon,
                "fruit", false));
        model.apply(++position, new GateReport.VehiclesCleared("o-" + position, GATE.id(), Direction.EXPORT, other, noon,
                "other", false));
    }

    private void lastYear() {
        for (LocalDate d = LAST_YEAR.minusDays(31); !d.isAfter(LAST_YEAR.minusDays(4)); d = d.plusDays(1)) {
            day(d, 20, 80);
        }
        for (LocalDate d = LAST_YEAR.minusDays(3); !d.isAfter(LAST_YEAR.plusDays(3)); d = d.plusDays(1)) {
            day(d, 40, 80);
        }
    }

    private double[] prior() {
        return SeasonalPrior.of(GATE, Traffic.of(model), TODAY.atTime(9, 0).atZone(GATE.zone()).toInstant());
    }

    @Test
    void aHarvestLiftsTheLaneByTheShareItsGoodsHaveNow() {
        lastYear();
        for (LocalDate d = TODAY.minusDays(7); d.isBefore(TODAY); d = d.plusDays(1)) {
            day(d, 80, 20);
        }
        double[] f = prior();
        // Fruit doubled, other goods held: 0,8 × 2 + 0,2 × 1. Read per lane it would be 120 / 100 = 1,2.
        assertThat(f[0]).isCloseTo(1.8, within(1e-9));
        assertThat(f[1]).as("an import lane that carried nothing has no season").isEqualTo(1.0);
    }

    @Test
    void withNothingReportedLatelyLastYearsMixWeighs() {
        lastYear();
        assertThat(prior()[0]).isCloseTo(1.2, within(1e-9));
    }

    @Test
    void fewerThanFiveDaysOfLastYearSayNothing() {
        for (LocalDate d = LAST_YEAR.minusDays(31); !d.isAfter(LAST_YEAR.minusDays(4)); d = d.plusDays(1)) {
            day(d, 20, 80);
        }
        for (LocalDate d = LAST_YEAR.minusDays(3); !d.isAfter(LAST_YEAR); d = d.plusDays(1)) {
            day(d, 60, 80);
        }
        assertThat(prior()).containsExactly(1.0, 1.0);
    }

    @Test
    void aSurgeCountsAtMostTwice() {
        lastYear();
        for (LocalDate d = LAST_YEAR.minusDays(3); !d.isAfter(LAST_YEAR.plusDays(3)); d = d.plusDays(1)) {
            day(d, 500, 0);
        }
        for (LocalDate d = TODAY.minusDays(7); d.isBefore(TODAY); d = d.plusDays(1)) {
            day(d, 100, 0);
        }
        assertThat(prior()[0]).isEqualTo(SeasonalPrior.MAX);
    }
}
