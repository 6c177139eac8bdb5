package borderwatch.province;

import borderwatch.province.LevelConfig;
import borderwatch.province.LevelPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

public class LevelPolicyTest {

    /** Watch at 100 waiting (clear below 80), alert at 200 (clear below 150) or 90% yard (clear below 80%). */
    public static final LevelPolicy POLICY = new LevelPolicy(List.of(
            new LevelConfig(1, "watch", "Theo dõi", "Watch", 100, 80, null, null),
            new LevelConfig(2, "alert", "Cảnh báo", "Alert", 200, 150, 0.9, 0.8)));

    @Test
    void risesToTheHighestLevelReached() {
        assertThat(POLICY.next(0, 99, 0.1)).isZero();
        assertThat(POLICY.next(0, 100, 0.1)).isEqualTo(1);
        assertThat(POLICY.next(0, 250, 0.1)).isEqualTo(2);
        assertThat(POLICY.next(0, 10, 0.95)).isEqualTo(2);
        assertThat(POLICY.causeOf(2, 10, 0.95)).isEqualTo("yardOccupancy");
        assertThat(POLICY.causeOf(2, 210, 0.5)).isEqualTo("waiting");
    }

    @Test
    void fallsOnlyBelowTheClearThresholdsSoItDoesNotFlap() {
        assertThat(POLICY.next(2, 190, 0.5)).as("below raise, above clear").isEqualTo(2);
        assertThat(POLICY.next(2, 149, 0.85)).as("waiting clear, yard not").isEqualTo(2);
        assertThat(POLICY.next(2, 149, 0.5)).as("both clear: down to watch, whose own clear is not met").isEqualTo(1);
        assertThat(POLICY.next(2, 79, 0.5)).as("both levels cleared at once").isZero();
        assertThat(POLICY.next(1, 90, null)).isEqualTo(1);
        assertThat(POLICY.next(1, 79, null)).isZero();
    }

    @Test
    void levelsMustBeNumberedWithoutGaps() {
        assertThatThrownBy(() -> new LevelPolicy(List.of(new LevelConfig(2, "x", "x", "x", 1, 1, null, null))))
                .hasMessageContaining("without gaps");
        assertThat(LevelPolicy.NONE.next(0, 10_000, 1.0)).isZero();
    }
}
