package borderwatch.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.Province;
import org.junit.jupiter.api.Test;

/** A province's usual traffic: Lạng Sơn's reported volumes, scaled down for gates that clear less. */
class TrafficProfileTest {

    private static double roadPerDay(Province p) {
        TrafficProfile profile = new TrafficProfile(p.all());
        double sum = 0;
        for (GateConfig g : p.all()) {
            if (g.kind() == borderwatch.province.GateKind.ROAD) {
                sum += profile.dailyVehicles(g, Direction.EXPORT) + profile.dailyVehicles(g, Direction.IMPORT);
            }
        }
        return sum;
    }

    @Test
    void langSonClearsWhatItReportsAndLaiChauATenthOfIt() {
        // 475 exports and 1.125 imports a day on Lạng Sơn's roads, as calibrated.
        assertThat(roadPerDay(Province.defaults())).isCloseTo(1_600, within(1e-6));
        // Lai Châu's gates clear 17 trucks an hour against Lạng Sơn's 175.
        assertThat(roadPerDay(Province.bundled("lai-chau"))).isCloseTo(1_600 * 17 / 175.0, within(1e-6));
    }
}
