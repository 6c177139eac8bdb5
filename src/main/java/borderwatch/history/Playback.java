package borderwatch.history;

import borderwatch.gate.Gates;
import borderwatch.live.FeedSource;
import borderwatch.projection.LiveReadModel;
import borderwatch.projection.Replay;
import borderwatch.shared.SettableClock;
import borderwatch.store.EventStorage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One viewer's replay of a past period. The board as it stood at {@code from} is folded from the
 * stream (the same folds as live); the period's events are then applied in order of business time
 * as the playback clock reaches them, so the board, charts, levels and alerts change as they did.
 * Each viewer has their own, so several can replay different periods or speeds at once.
 */
public final class Playback implements FeedSource {

    /** A period's events are held in memory; two weeks of minute-by-minute traffic is well within bounds. */
    public static final Duration MAX_PERIOD = Duration.ofDays(14);

    private record Timed(Instant at, Object event) {
    }

    private final LiveReadModel model;
    private final List<Timed> period;
    private final Instant from;
    private final Instant to;
    private final List<Consumer<Object>> listeners = new CopyOnWriteArrayList<>();
    private final SettableClock clock;
    private long nextPosition;
    private int next;
    private volatile Instant now;
    private volatile double speed;
    private volatile boolean playing = true;

    private Playback(LiveReadModel model, List<Timed> period, Instant from, Instant to, long firstPosition, double speed) {
        this.model = model;
        this.period = period;
        this.from = from;
        this.to = to;
        this.now = from;
        this.clock = new SettableClock(from);
        this.nextPosition = firstPosition;
        this.speed = speed;
    }

    /** Folds everything before {@code from} and gathers {@code [from, to)} in business-time order. */
    public static Playback of(EventStorage storage, Gates gates, Instant from, Instant to, double speed) {
        List<Timed> period = new ArrayList<>();
        Replay.Result before = Replay.asOf(storage, gates, from.minusNanos(1), p -> { }, g -> {
            if (g.at().isBefore(to)) {
                period.add(new Timed(g.at(), g));
            }
        });
        // Stable: reports of the same instant keep their stored order.
        period.sort(Comparator.comparing(Timed::at));
        LiveReadModel model = new LiveReadModel(gates);
        model.reset(before.model());
        return new Playback(model, period, from, to, before.position() + 1, speed);
    }

    /** Moves the playback clock on by {@code realMillis} at the current speed and applies what it reached. */
    public synchronized void advance(long realMillis) {
        if (!playing || done()) {
            return;
        }
        Instant target = now.plusMillis(Math.round(realMillis * speed));
        now = target.isAfter(to) ? to : target;
        clock.set(now);
        while (next < period.size() && !period.get(next).at().isAfter(now)) {
            Object event = period.get(next++).event();
            // Positions here count replayed events in playback order, after the stream's head.
            model.apply(nextPosition++, event);
            listeners.forEach(l -> l.accept(event));
        }
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
