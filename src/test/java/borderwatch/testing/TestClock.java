package borderwatch.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The clock the test suite runs on. Unset, it is the machine's clock; with
 * {@code -Dborderwatch.test.now=2028-02-29T12:00:00Z} every test that reads the time starts at that
 * instant and ticks on from it, so the suite can be run at midday, at 02:00 in the province, on New
 * Year's Eve or on 29 February, whatever the hour it really runs at. A test whose outcome depends on
 * the hour takes {@link #atLocalTime} instead, and so sets the hour it needs.
 */
public final class TestClock {

    public static final String PROPERTY = "borderwatch.test.now";
    /** The province's zone: where "midday" and "02:00" are meant. */
    public static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final Clock CLOCK = startingAt(System.getProperty(PROPERTY));

    private TestClock() {
    }

    private static Clock startingAt(String instant) {
        if (instant == null || instant.isBlank()) {
            return Clock.systemUTC();
        }
        Instant start = Instant.parse(instant.trim());
        System.err.println("test clock: starting at " + start + " (" + PROPERTY + ")");
        return tickingFrom(start);
    }

    /** A clock that reads {@code start} now and moves on at the machine's pace. */
    public static Clock tickingFrom(Instant start) {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
    }

    /** The suite's clock. */
    public static Clock clock() {
        return CLOCK;
    }

    /** The suite's clock's instant. */
    public static Instant now() {
        return CLOCK.instant();
    }

    /** The suite's clock's date in the province. */
    public static LocalDate today() {
        return LocalDate.now(CLOCK.withZone(PROVINCE));
    }

    /**
     * A clock at {@code time} in the province on the suite's day, ticking on: for a test whose outcome
     * depends on the hour (the forecast's arrivals follow the day's profile).
     */
    public static Clock atLocalTime(LocalTime time) {
        return tickingFrom(today().atTime(time).atZone(PROVINCE).toInstant());
    }

    /**
     * The suite's clock, unless the province's day ends within {@code span}: then a clock starting just
     * after that midnight. For a test that counts "today" (vehicles today, a tile's day) and must not
     * see the day change under it, whatever hour the suite runs at otherwise.
     */
    public static Clock sameDayFor(java.time.Duration span) {
        Instant now = now();
        Instant midnight = today().plusDays(1).atStartOfDay(PROVINCE).toInstant();
        return now.plus(span).isBefore(midnight) ? CLOCK : tickingFrom(midnight.plusSeconds(60));
    }

    /** How far the clock stands from the machine's, for a browser that must live at the same time. */
    public static Duration offsetOf(Clock clock) {
        return Duration.between(Instant.now(), clock.instant());
    }
}
