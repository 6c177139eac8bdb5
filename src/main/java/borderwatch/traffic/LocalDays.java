package borderwatch.traffic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Maps instants to local dates in one zone, remembering the bounds of the last day found: reports
 * arrive in time order, so almost every look-up is a range check instead of a time-zone rules search.
 */
final class LocalDays {

    private final ZoneId zone;
    private long dayStart = Long.MAX_VALUE;
    private long dayEnd = Long.MIN_VALUE;
    private LocalDate day;

    LocalDays(ZoneId zone) {
        this.zone = zone;
    }

    LocalDate dateOf(Instant at) {
        long s = at.getEpochSecond();
        if (s >= dayStart && s < dayEnd) {
            return day;
        }
        day = LocalDate.ofInstant(at, zone);
        ZonedDateTime start = day.atStartOfDay(zone);
        dayStart = start.toEpochSecond();
        dayEnd = day.plusDays(1).atStartOfDay(zone).toEpochSecond();
        return day;
    }
}
