package borderwatch.projection;

import borderwatch.gate.Direction;
import java.util.Map;
import java.util.TreeMap;

/**
 * Vehicles cleared per minute at one gate over the last 24 hours of business time. The window
 * follows the newest report, not the wall clock, so folding the same events always gives the
 * same state.
 */
final class MinuteBuckets {

    static final long WINDOW_MINUTES = 24 * 60;

    private final TreeMap<Long, long[]> byMinute = new TreeMap<>();
    private boolean empty = true;
    private long newestMinute;

    void add(long epochMinute, Direction direction, int vehicles) {
        if (!empty && epochMinute <= newestMinute - WINDOW_MINUTES) {
            return;
        }
        long[] counts = byMinute.computeIfAbsent(epochMinute, m -> new long[2]);
        counts[direction.ordinal()] += vehicles;
        if (empty || epochMinute > newestMinute) {
            empty = false;
            newestMinute = epochMinute;
            byMinute.headMap(newestMinute - WINDOW_MINUTES, true).clear();
        }
    }

    /** Export and import vehicles in minutes {@code (toMinute - minutes, toMinute]}. */
    long[] sum(long toMinute, long minutes) {
        long[] total = new long[2];
        for (long[] c : byMinute.subMap(toMinute - minutes, false, toMinute, true).values()) {
            total[0] += c[0];
            total[1] += c[1];
        }
        return total;
    }

    /** Per-hour export/import counts for the 24 hours ending at {@code toMinute}, oldest first. */
    long[][] hourly(long toMinute) {
        long[][] hours = new long[24][2];
        long start = toMinute - WINDOW_MINUTES;
        for (Map.Entry<Long, long[]> e : byMinute.subMap(start, false, toMinute, true).entrySet()) {
            int h = (int) ((e.getKey() - start - 1) / 60);
            hours[h][0] += e.getValue()[0];
            hours[h][1] += e.getValue()[1];
        }
        return hours;
    }

    MinuteBuckets copy() {
        MinuteBuckets c = new MinuteBuckets();
        byMinute.forEach((k, v) -> c.byMinute.put(k, v.clone()));
        c.newestMinute = newestMinute;
        c.empty = empty;
        return c;
    }
}
