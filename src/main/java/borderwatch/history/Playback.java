package borderwatch.history;

import borderwatch.readmodel.BusinessTimed;
import borderwatch.readmodel.FeedSource;
import borderwatch.readmodel.LiveReadModel;
import borderwatch.readmodel.ReadModel;
import borderwatch.readmodel.Replay;
import borderwatch.shared.SettableClock;
import borderwatch.store.EventStorage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One viewer's replay of a past period. The board as it stood at {@code from} is folded from the
 * stream (the same folds as live); the period's events are then applied in order of business time
 * as the playback clock reaches them, so the board, charts, levels and alerts change as they did.
 * Each viewer has their own, so several can replay different periods or speeds at once.
 *
 * <p>The period is streamed, not held: only an index of its events (time and position) is kept,
 * and the events themselves are read from the store a chunk ahead of the clock by
 * {@link #fetchMore()}, off the event loop. Should the clock catch up with what has been read, it
 * waits at the first unread event instead of skipping it.
 */
public final class Playback implements FeedSource {

    /** The longest period one replay may cover. */
    public static final Duration MAX_PERIOD = Duration.ofDays(14);
    /** Events read from the store at a time, and so at most twice this many held ahead of the clock. */
    static final int CHUNK = 2_000;

    private final EventStorage storage;
    private final LiveReadModel model;
    private final PeriodIndex period;
    private final Instant from;
    private final Instant to;
    private final List<Consumer<Object>> listeners = new CopyOnWriteArrayList<>();
    private final SettableClock clock;
    private final ArrayDeque<BusinessTimed> ahead = new ArrayDeque<>();
    private final Object fetching = new Object();
    private volatile int fetchedUpTo;
    private long nextPosition;
    private int next;
    private volatile Instant now;
    private volatile double speed;
    private volatile boolean playing = true;

    private Playback(EventStorage storage, LiveReadModel model, PeriodIndex period, Instant from, Instant to,
                     long firstPosition, double speed) {
        this.storage = storage;
        this.model = model;
        this.period = period;
        this.from = from;
        this.to = to;
        this.now = from;
        this.clock = new SettableClock(from);
        this.nextPosition = firstPosition;
        this.speed = speed;
    }

    /** Folds everything before {@code from}, indexes {@code [from, to)} and reads its first chunk. */
    public static Playback of(EventStorage storage, ReadModel blank, Instant from, Instant to, double speed) {
        PeriodIndex period = new PeriodIndex(from);
        Replay.Result before = Replay.asOf(storage, blank, from.minusNanos(1), p -> { }, (position, g) -> {
            if (g.at().isBefore(to)) {
                period.add(g.at(), position);
            }
        });
        period.seal();
        LiveReadModel model = new LiveReadModel(blank.gates(), blank.shape());
        model.reset(before.model());
        Playback playback = new Playback(storage, model, period, from, to, before.position() + 1, speed);
        playback.fetchMore();
        return playback;
    }

    /** True when fewer than half a chunk of read events are left ahead of the clock and more are to come. */
    public boolean wantsMore() {
        synchronized (this) {
            return fetchedUpTo < period.size() && ahead.size() < CHUNK / 2;
        }
    }

    /** Reads the next chunk of the period from the store; blocking, so never on the event loop. */
    public void fetchMore() {
        synchronized (fetching) {
            int first = fetchedUpTo;
            int end = Math.min(period.size(), first + CHUNK);
            if (first >= end) {
                return;
            }
            long[] wanted = new long[end - first];
            for (int r = first; r < end; r++) {
                wanted[r - first] = period.position(r);
            }
            long[] sorted = wanted.clone();
            Arrays.sort(sorted);
            Map<Long, BusinessTimed> found = new HashMap<>();
            storage.scan(sorted[0] - 1, sorted[sorted.length - 1], e -> {
                if (Arrays.binarySearch(sorted, e.position()) >= 0 && e.payload() instanceof BusinessTimed g) {
                    found.put(e.position(), g);
                }
            });
            synchronized (this) {
                for (long position : wanted) {
                    BusinessTimed g = found.get(position);
                    if (g == null) {
                        throw new IllegalStateException("event " + position + " of the replayed period is no longer in the store");
                    }
                    ahead.addLast(g);
                }
                fetchedUpTo = end;
            }
        }
    }

    /** Moves the playback clock on by {@code realMillis} at the current speed and applies what it reached. */
    public synchronized void advance(long realMillis) {
        if (!playing || done()) {
            return;
        }
        Instant target = now.plusMillis(Math.round(realMillis * speed));
        now = target.isAfter(to) ? to : target;
        while (next < period.size() && period.time(next) <= now.toEpochMilli()) {
            BusinessTimed event = ahead.pollFirst();
            if (event == null) {
                // Not read yet: the clock waits at this event until the next chunk is in.
                now = Instant.ofEpochMilli(period.time(next));
                break;
            }
            next++;
            // Positions here count replayed events in playback order, after the stream's head.
            model.apply(nextPosition++, event);
            listeners.forEach(l -> l.accept(event));
        }
        // The day a replay ends on is the last one it shows: at its very end the board stays on that
        // day's totals rather than turning to the next day's empty one.
        clock.set(now.isBefore(to) ? now : to.minusMillis(1));
    }

    public boolean done() {
        return !now.isBefore(to);
    }

    public void pause() {
        playing = false;
    }

    public void resume() {
        playing = true;
    }

    public boolean playing() {
        return playing && !done();
    }

    public void speed(double simulatedSecondsPerSecond) {
        this.speed = simulatedSecondsPerSecond;
    }

    public double speed() {
        return speed;
    }

    public Instant now() {
        return now;
    }

    public Instant from() {
        return from;
    }

    public Instant to() {
        return to;
    }

    public int eventsInPeriod() {
        return period.size();
    }

    /** Events read from the store and not yet applied; bounded by two chunks. */
    public synchronized int eventsAhead() {
        return ahead.size();
    }

    /** The playback time, for the feed's messages. */
    public Clock clock() {
        return clock;
    }

    @Override
    public LiveReadModel live() {
        return model;
    }

    @Override
    public Runnable onChange(Consumer<Object> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
