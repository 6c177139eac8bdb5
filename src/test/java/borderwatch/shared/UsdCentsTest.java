package borderwatch.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UsdCentsTest {

    @Test
    void parsesAtMostTwoDecimalsExactly() {
        assertThat(UsdCents.parse("1250.5")).isEqualTo(125_050);
        assertThat(UsdCents.parse(new BigDecimal("0.10"))).isEqualTo(10);
        assertThat(UsdCents.parse("12.300")).isEqualTo(1_230);
        assertThatThrownBy(() -> UsdCents.parse("1.005")).hasMessageContaining("2 decimals");
        assertThatThrownBy(() -> UsdCents.parse("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UsdCents.parse("1000000000000000000")).hasMessageContaining("too large");
        assertThat(UsdCents.parse(new BigDecimal("1e5"))).as("a JSON number may have an exponent").isEqualTo(10_000_000);
        for (String notPlain : new String[] {"1e30", "+100", " 100", "100 ", "100.", ".5", "\u0661\u0662\u0663",
                "\uff11\uff12\uff13", "1,5", ""}) {
            assertThatThrownBy(() -> UsdCents.parse(notPlain)).as(notPlain).hasMessageContaining("plain decimal string");
        }
    }

    @Test
    void roundsPercentagesHalfUpToOneDecimal() {
        assertThat(UsdCents.percent(1057, 1000)).isEqualByComparingTo("105.7");
        assertThat(UsdCents.percent(10005, 100000)).isEqualByComparingTo("10.0"); // 10.005 -> 10.0 at one decimal
        assertThat(UsdCents.percent(1, 8)).isEqualByComparingTo("12.5");
        assertThat(UsdCents.percent(1, 16)).isEqualByComparingTo("6.3");       // 6.25 -> 6.3
        assertThat(UsdCents.change(86, 100)).isEqualByComparingTo("-14.0");
        assertThat(UsdCents.change(5, 0)).isNull();
    }
}
