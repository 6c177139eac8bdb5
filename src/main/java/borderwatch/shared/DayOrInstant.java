package borderwatch.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A point in business time as people give it: a date ({@code 2025-07-01}, a day in the
 * province's zone) or an instant with an offset ({@code 2025-07-01T08:00:00+07:00}).
 */
public final class DayOrInstant {

    private DayOrInstant() {
    }

    /** A date is the start of that day, or with {@code endOfDay} the start of the next; bad input is refused on {@code field}. */
    public static Instant parse(String value, ZoneId zone, String field, boolean endOfDay) {
        try {
            if (isDate(value)) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new Rejection(field, "must be a date like 2025-07-01 or an instant like 2025-07-01T08:00:00+07:00");
        }
    }

    public static boolean isDate(String value) {
        return value.length() == 10;
    }
}
