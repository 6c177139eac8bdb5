package borderwatch.forecast;

import borderwatch.congestion.Congestion;
import borderwatch.congestion.QueueState;
import borderwatch.readmodel.ReadModel;
import borderwatch.traffic.Traffic;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a truck joining the queue now will wait: the vehicles waiting at the latest queue report
 * divided by the clearance rate the gate actually reached over the last two hours (not its configured
 * capacity). A gate's queue report counts one queue for both directions, so both directions get the
 * gate's figure. {@code minutes} is null ("—") without a queue report in the last hour; a gate that
 * has cleared almost nothing while trucks wait is {@code stalled} (closed, in practice) and its wait is
 * capped at {@link #CAP_MINUTES}.
 */
public record ExpectedWait(Integer minutes, boolean stalled, boolean capped, int waiting, double clearedPerHour,
                           Instant queueObservedAt) {

    /** A queue report older than this says nothing about now. */
    public static final Duration FRESH = Duration.ofHours(1);
    /** The clearance rate is measured over this window. */
    public static final int RATE_WINDOW_MINUTES = 120;
    /** Below this many vehicles an hour a waiting queue is not moving. */
    public static final double STALLED_PER_HOUR = 1.0;
    public static final int CAP_MINUTES = 24 * 60;

    public static final ExpectedWait UNKNOWN = new ExpectedWait(null, false, false, 0, 0, null);

    public static ExpectedWait of(ReadModel model, String gate, Instant now) {
        QueueState q = Congestion.of(model).queue(gate);
        long[] cleared = Traffic.of(model).clearedInLast(gate, Math.floorDiv(now.getEpochSecond(), 60), RATE_WINDOW_MINUTES);
        return of(q, (cleared[0] + cleared[1]) * 60.0 / RATE_WINDOW_MINUTES, now);
    }

    static ExpectedWait of(QueueState q, double clearedPerHour, Instant now) {
        if (q.observedAt() == null || q.observedAt().isBefore(now.minus(FRESH)) || q.observedAt().isAfter(now.plus(FRESH))) {
            return UNKNOWN;
        }
        if (q.waiting() == 0) {
            return new ExpectedWait(0, false, false, 0, clearedPerHour, q.observedAt());
        }
        if (clearedPerHour < STALLED_PER_HOUR) {
            return new ExpectedWait(CAP_MINUTES, true, true, q.waiting(), clearedPerHour, q.observedAt());
        }
        boolean capped = q.waiting() / clearedPerHour * 60 > CAP_MINUTES;
        return new ExpectedWait(minutesToClear(q.waiting(), clearedPerHour), false, capped, q.waiting(), clearedPerHour,
                q.observedAt());
    }

    /**
     * Minutes to clear {@code waiting} vehicles at {@code perHour}, at most {@link #CAP_MINUTES}; the cap
     * when the gate is stalled. The one formula behind the wait now and the forecast's waits ahead.
     */
    static int minutesToClear(double waiting, double perHour) {
        return perHour < STALLED_PER_HOUR ? CAP_MINUTES : (int) Math.min(CAP_MINUTES, Math.round(waiting / perHour * 60));
    }
}
