package borderwatch.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A point in business time as people give it: a date ({@code 2025-07-01}, a day in the
 * province's zone) or an instant with an offset ({@code 2025-07-01T08:00:00+07:00}). Every such
 * value taken from outside lies in one window, {@link #FIRST_DAY} to {@link #LAST_DAY}: wider than
 * any trade record kept, and far enough from the limits of Java's time types that no sum of days
 * or hours made from it can overflow.
 */
public final class DayOrInstant {

    public static final LocalDate FIRST_DAY = LocalDate.of(1990, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);
    private static final Instant EARLIEST = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant LATEST = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final String WINDOW = "from " + FIRST_DAY + " to " + LAST_DAY + " (instants: UTC)";

    private DayOrInstant() {
    }

    /** A date is the start of that day, or with {@code endOfDay} the start of the next; bad input is refused on {@code field}. */
    public static Instant parse(String value, ZoneId zone, String field, boolean endOfDay) {
        if (value == null || value.length() > 40) {
            throw new Rejection(field, "must be a date like 2025-07-01 or an instant like 2025-07-01T08:00:00+07:00");
        }
        if (isDate(value)) {
            LocalDate day = date(value, field);
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new Rejection(field, "must be a date like 2025-07-01 or an instant like 2025-07-01T08:00:00+07:00");
        }
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            throw new Rejection(field, "must lie " + WINDOW);
        }
        return at;
    }

    /** A calendar date in the window, refused on {@code field} otherwise. */
    public static LocalDate date(String value, String field) {
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw new Rejection(field, "must be a date like 2025-07-01");
        }
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            throw new Rejection(field, "must lie " + WINDOW);
        }
        return day;
    }

    public static boolean isDate(String value) {
        return value.length() == 10;
    }
}
