package borderwatch.history;

import borderwatch.board.LiveFeed;
import borderwatch.engine.Engine;
import borderwatch.http.Access;
import borderwatch.http.BadRequest;
import borderwatch.http.Json;
import borderwatch.http.Sockets;
import borderwatch.shared.DayOrInstant;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /ws/history?from=…&to=…&speed=…}: one viewer's replay of a past period in the live
 * feed's protocol, on a playback clock, plus {@code history} messages with the playback state. The
 * viewer steers it with {@code {"action":"pause"}}, {@code "resume"} and
 * {@code {"action":"speed","speed":…}} (simulated seconds per real second).
 */
public final class HistoryFeedRoute {

    public static final long TICK_MS = 200;
    public static final int STATUS_EVERY_TICKS = 5;
    public static final double MAX_SPEED = 10_000_000;
    public static final short TRY_AGAIN_LATER = 1013;

    private final Vertx vertx;
    private final Sockets sockets;
    private final ReplaySlots slots;
    private final WorkerExecutor folds;
    private final Engine engine;
    private final Clock clock;

    public HistoryFeedRoute(Vertx vertx, Engine engine, Clock clock, Sockets sockets, ReplaySlots slots) {
        this.vertx = vertx;
        // Replays fold the whole store: they take turns on one thread a core, so however many run,
        // the event loop (and /health) keeps a core's share and other blocking work is not crowded out.
        this.folds = vertx.createSharedWorkerExecutor("history-replay",
                Math.max(1, Runtime.getRuntime().availableProcessors() - 1), 30, TimeUnit.MINUTES);
        this.sockets = sockets;
        this.slots = slots;
        this.engine = engine;
        this.clock = clock;
    }

    public void watch(RoutingContext ctx) {
        Instant from = instant(ctx, "from", false);
        Instant to = instant(ctx, "to", true);
        double speed = speed(ctx.queryParams().get("speed"));
        if (!from.isBefore(to)) {
            throw BadRequest.of("to", "must be after from");
        }
        if (java.time.Duration.between(from, to).compareTo(Playback.MAX_PERIOD) > 0) {
            throw BadRequest.of("to", "a replayed period is at most " + Playback.MAX_PERIOD.toDays() + " days");
        }
        if (from.isAfter(clock.instant())) {
            throw BadRequest.of("from", "is in the future");
        }
        String tokenId = Access.principal(ctx).tokenId();
        ReplaySlots.Refusal refusal = slots.acquire(tokenId);
        if (refusal != null) {
            refuse(ctx, refusal);
            return;
        }
        // The upgrade waits for the replay; a paused request is not read meanwhile, so it can still upgrade.
        ctx.request().pause();
        folds.executeBlocking(() -> Playback.of(engine.storage(), engine.live().blank(), from, to, speed), false)
             .onSuccess(playback -> start(ctx, playback, () -> slots.release(tokenId)))
             .onFailure(failure -> {
                 slots.release(tokenId);
                 ctx.fail(failure);
             });
    }

    /**
     * A browser cannot read the body of a refused upgrade, so a refused replay is upgraded, told why
     * in one message, and closed with 1013 (try again later).
     */
    private void refuse(RoutingContext ctx, ReplaySlots.Refusal refusal) {
        String text;
        try {
            text = Json.mapper().writeValueAsString(new Refused("refused", refusal.code(), refusal.message()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        sockets.upgrade(ctx, (socket, closed) -> {
            socket.closeHandler(v -> closed.run());
            socket.writeTextMessage(text).onComplete(written -> socket.close(TRY_AGAIN_LATER, refusal.code()));
        });
    }

    private void start(RoutingContext ctx, Playback playback, Runnable released) {
        LiveFeed feed = new LiveFeed(vertx, playback, playback.clock());
        feed.start();
        long[] ticks = {0};
        boolean[] reading = {false};
        long timer = vertx.setPeriodic(TICK_MS, id -> {
            boolean wasRunning = playback.playing();
            playback.advance(TICK_MS);
            if (++ticks[0] % STATUS_EVERY_TICKS == 1 || (wasRunning && playback.done())) {
                // Quiet gates move on with the clock too: the last frame of a day is that day's, whole.
                if (wasRunning) {
                    feed.refreshAll();
                }
                feed.announce("history", status(playback));
            }
            if (!reading[0] && playback.wantsMore()) {
                reading[0] = true;
                folds.executeBlocking(() -> {
                    playback.fetchMore();
                    return null;
                }, false).onComplete(read -> {
                    reading[0] = false;
                    if (read.failed()) {
                        feed.stop();
                    }
                });
            }
        });
        Runnable ended = () -> {
            released.run();
            vertx.cancelTimer(timer);
            feed.stop();
        };
        sockets.upgrade(ctx, (socket, closed) -> feed.attach(socket, text -> control(playback, feed, text), () -> {
            closed.run();
            ended.run();
        })).onFailure(failed -> ended.run());
    }

    private static void control(Playback playback, LiveFeed feed, String text) {
        try {
            PlaybackControl c = Json.mapper().readValue(text, PlaybackControl.class);
            switch (c.action() == null ? "" : c.action()) {
                case "pause" -> playback.pause();
                case "resume" -> playback.resume();
                case "speed" -> {
                    if (c.speed() != null && c.speed() > 0 && c.speed() <= MAX_SPEED) {
                        playback.speed(c.speed());
                    }
                }
                default -> {
                    return;
                }
            }
            feed.announce("history", status(playback));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // A viewer's malformed control changes nothing.
        }
    }

    /** What a viewer sends to steer its replay: {@code pause}, {@code resume}, or {@code speed} with a speed. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record PlaybackControl(String action, Double speed) {
    }

    /** The {@code history} message: where a replay stands on its playback clock. */
    public record HistoryStatus(String type, Instant at, Instant from, Instant to, double speed, boolean playing,
                                boolean done, long events) {
    }

    /** The {@code refused} message: why a replay was not started, before the socket is closed. */
    public record Refused(String type, String code, String message) {
    }

    public static HistoryStatus status(Playback p) {
        return new HistoryStatus("history", p.now(), p.from(), p.to(), p.speed(), p.playing(), p.done(),
                p.eventsInPeriod());
    }

    /** A date is the start of that day in the province's zone ({@code to}: the end of it); or an instant. */
    private Instant instant(RoutingContext ctx, String name, boolean endOfDay) {
        String v = ctx.queryParams().get(name);
        if (v == null) {
            throw BadRequest.of(name, "is required: a date like 2025-07-01 or an instant");
        }
        return DayOrInstant.parse(v, engine.gates().zone(), name, endOfDay);
    }

    private static double speed(String v) {
        if (v == null) {
            return 8_640;
        }
        try {
            double s = Double.parseDouble(v);
            if (s > 0 && s <= MAX_SPEED) {
                return s;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw BadRequest.of("speed", "must be simulated seconds per real second, above 0 and at most " + (long) MAX_SPEED);
    }
}
