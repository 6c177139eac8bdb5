package borderwatch.drill;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The drill's simulated time: it moves only as the drill steps, so a paused or ended drill stands still. */
public final class DrillClock extends Clock {

    private volatile Instant now;

    DrillClock(Instant start) {
        this.now = start;
    }

    void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a drill clock has no zone of its own");
    }
}
