package borderwatch.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that runs {@code speed} times faster than the base clock from a starting instant. */
public final class AcceleratedClock extends Clock {

    private final Clock base;
    private final Instant baseStart;
    private final Instant start;
    private final double speed;
    private final ZoneId zone;

    public AcceleratedClock(Clock base, Instant start, double speed) {
        this(base, base.instant(), start, speed, base.getZone());
    }

    private AcceleratedClock(Clock base, Instant baseStart, Instant start, double speed, ZoneId zone) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive");
        }
        this.base = base;
        this.baseStart = baseStart;
        this.start = start;
        this.speed = speed;
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        long elapsedNanos = Duration.between(baseStart, base.instant()).toNanos();
        return start.plusNanos(Math.round(elapsedNanos * speed));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AcceleratedClock(base, baseStart, start, speed, zone);
    }
}
