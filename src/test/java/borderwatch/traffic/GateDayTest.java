package borderwatch.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.province.Direction;
import org.junit.jupiter.api.Test;

class GateDayTest {

    @Test
    void foldsAreValueTransitionsThatLeaveTheOriginalAlone() {
        GateDay start = GateDay.EMPTY;
        GateDay after = start.cleared(Direction.EXPORT, 12).cleared(Direction.IMPORT, 30)
                             .turnover(Direction.EXPORT, 150_00).turnover(Direction.IMPORT, 99);
        assertThat(start).isEqualTo(new GateDay(0, 0, 0, 0));
        assertThat(after).isEqualTo(new GateDay(12, 30, 150_00, 99));
        assertThat(after.vehicles()).isEqualTo(42);
        assertThat(after.plus(after).usdCents()).isEqualTo(2 * (150_00 + 99));
    }
}
