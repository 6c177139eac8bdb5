package borderwatch.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Maps instants to local dates in one zone, remembering the bounds of the last day found: reports
 * arrive in time order, so almost every look-up is a range check instead of a time-zone rules search.
 * The same day is answered with the same {@link LocalDate} instance. Not thread-safe: one per fold.
 */
public final class LocalDays {

    private final ZoneId zone;
    private long dayStart = Long.MAX_VALUE;
    private long dayEnd = Long.MIN_VALUE;
    private LocalDate day;
    private long epochDay;

    public LocalDays(ZoneId zone) {
        this.zone = zone;
    }

    public LocalDate dateOf(Instant at) {
        long s = at.getEpochSecond();
        if (s >= dayStart && s < dayEnd) {
            return day;
        }
        day = LocalDate.ofInstant(at, zone);
        ZonedDateTime start = day.atStartOfDay(zone);
        dayStart = start.toEpochSecond();
        dayEnd = day.plusDays(1).atStartOfDay(zone).toEpochSecond();
        epochDay = day.toEpochDay();
        return day;
    }

    /** The local date of {@code at} as days since 1970-01-01. */
    public long epochDayOf(Instant at) {
        dateOf(at);
        return epochDay;
    }
}
