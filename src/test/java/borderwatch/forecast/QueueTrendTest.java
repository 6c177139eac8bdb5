package borderwatch.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.gate.GateReport.QueueObserved;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The queue reports of the last hours: in time order, one per minute, bounded however many arrive. */
class QueueTrendTest {

    private static final Instant T = Instant.parse("2025-05-14T02:00:00Z");
    private static final long MINUTE = T.getEpochSecond() / 60;

    private final QueueTrend trend = new QueueTrend();
    private int n;

    private void report(Instant at, int waiting) {
        trend.apply(new QueueObserved("q" + ++n, "tan-thanh", waiting, null, at));
    }

    @Test
    void theReportNearestBeforeAMinuteWithinTheSlack() {
        report(T, 10);
        report(T.plus(Duration.ofMinutes(5)), 20);
        assertThat(trend.waitingAt("tan-thanh", MINUTE + 4, 15)).isEqualTo(10);
        assertThat(trend.waitingAt("tan-thanh", MINUTE + 5, 15)).isEqualTo(20);
        assertThat(trend.waitingAt("tan-thanh", MINUTE + 30, 15)).as("too old to say").isNull();
        assertThat(trend.waitingAt("tan-thanh", MINUTE - 1, 15)).as("before any report").isNull();
        assertThat(trend.waitingAt("coc-nam", MINUTE, 15)).isNull();
    }

    @Test
    void aLateReportDoesNotRewriteTheTrendAndTheLatestOfAMinuteCounts() {
        report(T.plus(Duration.ofMinutes(10)), 30);
        report(T, 99);
        assertThat(trend.waitingAt("tan-thanh", MINUTE + 5, 15)).isNull();
        report(T.plus(Duration.ofMinutes(10)).plusSeconds(30), 31);
        assertThat(trend.waitingAt("tan-thanh", MINUTE + 10, 0)).isEqualTo(31);
    }

    @Test
    void aFloodOfReportsKeepsOneSamplePerMinuteOverTheWindow() {
        // A sender posting every second for two days leaves at most one sample per minute of the last 25 hours.
        for (int s = 0; s < 2 * 86_400; s += 1) {
            report(T.plusSeconds(s), s % 100);
        }
        QueueTrend copy = trend.copy();
        long newest = MINUTE + 2 * 1440 - 1;
        assertThat(copy.waitingAt("tan-thanh", newest - QueueTrend.KEEP_MINUTES + 1, 0)).isNotNull();
        assertThat(copy.waitingAt("tan-thanh", newest - QueueTrend.KEEP_MINUTES, 0)).isNull();
        assertThat(copy.size("tan-thanh")).isEqualTo(QueueTrend.KEEP_MINUTES);
    }
}
