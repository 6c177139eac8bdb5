package borderwatch.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.congestion.QueueState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The expected wait of a truck joining the queue now: waiting ÷ the clearance rate actually measured. */
class ExpectedWaitTest {

    private static final Instant NOW = Instant.parse("2025-05-14T02:00:00Z");

    @Test
    void waitingDividedByTheMeasuredRate() {
        // 90 trucks waiting, 60 cleared an hour: 90 minutes.
        ExpectedWait w = ExpectedWait.of(new QueueState(90, 0.2, NOW.minusSeconds(600)), 60, NOW);
        assertThat(w.minutes()).isEqualTo(90);
        assertThat(w.stalled()).isFalse();
        assertThat(ExpectedWait.of(new QueueState(0, 0.0, NOW), 0, NOW).minutes()).isZero();
    }

    @Test
    void noRecentQueueReportMeansNoFigure() {
        assertThat(ExpectedWait.of(QueueState.NONE, 60, NOW).minutes()).isNull();
        assertThat(ExpectedWait.of(new QueueState(40, null, NOW.minusSeconds(3_601)), 60, NOW).minutes()).isNull();
    }

    @Test
    void aGateThatClearsNothingWhileTrucksWaitIsStalledAndCapped() {
        ExpectedWait closed = ExpectedWait.of(new QueueState(300, 0.8, NOW), 0.5, NOW);
        assertThat(closed.stalled()).isTrue();
        assertThat(closed.capped()).isTrue();
        assertThat(closed.minutes()).isEqualTo(ExpectedWait.CAP_MINUTES);
        // Slow but moving: 3.000 trucks at 60 an hour is 50 hours, shown as the cap and flagged.
        ExpectedWait slow = ExpectedWait.of(new QueueState(3_000, 1.0, NOW), 60, NOW);
        assertThat(slow.stalled()).isFalse();
        assertThat(slow.capped()).isTrue();
        assertThat(slow.minutes()).isEqualTo(ExpectedWait.CAP_MINUTES);
    }
}
