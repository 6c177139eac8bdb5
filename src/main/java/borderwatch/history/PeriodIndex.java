package borderwatch.history;

import java.time.Instant;
import java.util.Arrays;

/**
 * Which stored events fall in a replayed period, in the order of their business time: for each,
 * only its time and stream position (16 bytes), never the event itself, so a period of a million
 * events costs 16 MB instead of the ~190 MB its events would. Reports of the same instant keep
 * their stored order.
 */
final class PeriodIndex {

    private long[] times = new long[1024];
    private long[] positions = new long[1024];
    private int size;
    private final long fromMillis;
    private int[] order;

    PeriodIndex(Instant from) {
        this.fromMillis = from.toEpochMilli();
    }

    /** Adds an event of the period, in stream order. */
    void add(Instant at, long position) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            positions = Arrays.copyOf(positions, size * 2);
        }
        times[size] = at.toEpochMilli();
        positions[size++] = position;
    }

    /** Sorts once all events are in: by time, then stream order (a period is at most a few weeks long). */
    void seal() {
        // Key = milliseconds into the period (under 2^31 for 24 days) above the stream index: one primitive sort.
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = (times[i] - fromMillis) << 32 | i;
        }
        Arrays.sort(keys);
        order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (int) keys[i];
        }
    }

    int size() {
        return size;
    }

    long time(int rank) {
        return times[order[rank]];
    }

    long position(int rank) {
        return positions[order[rank]];
    }
}
