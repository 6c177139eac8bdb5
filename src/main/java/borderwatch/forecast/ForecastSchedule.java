package borderwatch.forecast;

import borderwatch.engine.Engine;
import borderwatch.gate.GateReport;
import borderwatch.readmodel.FeedSource;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the live forecast runs: once the board has caught up with the store, then every
 * {@link LiveForecast#EVERY}, and again {@link LiveForecast#SOON} after a queue report or a plan
 * changes what lies ahead (at most once in that time; cleared vehicles and turnover do not).
 * Each run is blocking work, off the event loop.
 */
final class ForecastSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastSchedule.class);

    private final Vertx vertx;
    private final LiveForecast forecast;
    private final long timer;
    private final Runnable unsubscribe;

    private ForecastSchedule(Vertx vertx, Engine engine, FeedSource feed, LiveForecast forecast) {
        this.vertx = vertx;
        this.forecast = forecast;
        engine.whenHeadProjected().thenRun(() -> vertx.runOnContext(v -> refresh()));
        this.timer = vertx.setPeriodic(LiveForecast.EVERY.toMillis(), id -> refresh());
        AtomicBoolean soon = new AtomicBoolean();
        Context context = vertx.getOrCreateContext();
        this.unsubscribe = feed.onChange(event -> {
            if (!(event instanceof GateReport.VehiclesCleared || event instanceof GateReport.TurnoverRecorded)
                    && soon.compareAndSet(false, true)) {
                context.runOnContext(v -> vertx.setTimer(LiveForecast.SOON.toMillis(), id -> {
                    soon.set(false);
                    refresh();
                }));
            }
        });
    }

    /** Starts running {@code forecast} on {@code vertx} as {@code feed}'s board changes; stopped by {@link #stop()}. */
    public static ForecastSchedule start(Vertx vertx, Engine engine, FeedSource feed, LiveForecast forecast) {
        return new ForecastSchedule(vertx, engine, feed, forecast);
    }

    private void refresh() {
        vertx.executeBlocking(forecast::refresh, false).onFailure(e -> LOG.warn("forecast not refreshed", e));
    }

    public void stop() {
        vertx.cancelTimer(timer);
        unsubscribe.run();
    }
}
