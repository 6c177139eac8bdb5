package borderwatch.traffic;

import borderwatch.province.Direction;

/**
 * Vehicles cleared per minute at one gate over the last 24 hours of business time, in a ring of
 * 1 440 slots. The window follows the newest report, not the wall clock, so folding the same
 * events always gives the same state; a report older than the window is not counted here (it is
 * still counted in the daily totals).
 */
final class MinuteBuckets {

    static final int WINDOW_MINUTES = 24 * 60;

    private final long[] minuteOf = new long[WINDOW_MINUTES];
    private final long[] exports = new long[WINDOW_MINUTES];
    private final long[] imports = new long[WINDOW_MINUTES];
    private boolean empty = true;
    private long newestMinute;

    MinuteBuckets() {
        java.util.Arrays.fill(minuteOf, Long.MIN_VALUE);
    }

    void add(long epochMinute, Direction direction, int vehicles) {
        if (empty || epochMinute > newestMinute) {
            empty = false;
            newestMinute = epochMinute;
        } else if (epochMinute <= newestMinute - WINDOW_MINUTES) {
            return;
        }
        int slot = (int) Math.floorMod(epochMinute, (long) WINDOW_MINUTES);
        if (minuteOf[slot] != epochMinute) {
            // The slot still holds a minute from more than a day earlier: it leaves the window now.
            minuteOf[slot] = epochMinute;
            exports[slot] = 0;
            imports[slot] = 0;
        }
        if (direction == Direction.EXPORT) {
            exports[slot] += vehicles;
        } else {
            imports[slot] += vehicles;
        }
    }

    /** The oldest minute within the window holding a clearance, or {@link Long#MAX_VALUE} when none does. */
    long oldestMinute() {
        long oldest = Long.MAX_VALUE;
        for (long m : minuteOf) {
            if (m > newestMinute - WINDOW_MINUTES && m < oldest) {
                oldest = m;
            }
        }
        return oldest;
    }

    /** Export and import vehicles in minutes {@code (toMinute - minutes, toMinute]}, within the window. */
    long[] sum(long toMinute, long minutes) {
        long[] total = new long[2];
        for (int slot = 0; slot < WINDOW_MINUTES; slot++) {
            long m = minuteOf[slot];
            if (m > toMinute - minutes && m <= toMinute && m > newestMinute - WINDOW_MINUTES) {
                total[0] += exports[slot];
                total[1] += imports[slot];
            }
        }
        return total;
    }

    /**
     * Per-hour export/import counts for 24 clock hours, oldest first; the last is the hour holding
     * {@code toMinute}. Buckets stay put within an hour, so a client can update the current one.
     */
    long[][] hourly(long toMinute) {
        long[][] hours = new long[24][2];
        long start = firstHourOfWindow(toMinute);
        for (int slot = 0; slot < WINDOW_MINUTES; slot++) {
            long m = minuteOf[slot];
            if (m >= start && m <= toMinute && m > newestMinute - WINDOW_MINUTES) {
                int h = (int) ((m - start) / 60);
                hours[h][0] += exports[slot];
                hours[h][1] += imports[slot];
            }
        }
        return hours;
    }

    /** The epoch minute at which the first of the 24 clock hours ending with {@code toMinute}'s hour starts. */
    static long firstHourOfWindow(long toMinute) {
        return Math.floorDiv(toMinute, 60) * 60 - 23 * 60;
    }

    MinuteBuckets copy() {
        MinuteBuckets c = new MinuteBuckets();
        System.arraycopy(minuteOf, 0, c.minuteOf, 0, WINDOW_MINUTES);
        System.arraycopy(exports, 0, c.exports, 0, WINDOW_MINUTES);
        System.arraycopy(imports, 0, c.imports, 0, WINDOW_MINUTES);
        c.empty = empty;
        c.newestMinute = newestMinute;
        return c;
    }
}
