package borderwatch.forecast;

import borderwatch.plugin.CommandParts;
import borderwatch.plugin.Feature;
import borderwatch.plugin.LiveTopics;
import borderwatch.plugin.Wiring;
import borderwatch.province.Province;
import borderwatch.readmodel.Fold;
import borderwatch.store.EventTypeRegistry;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;

/**
 * The queue forecast and early warnings: the warnings' events and aggregate, the folds the forecast
 * reads, its routes, its schedule, its part of the live feed and its meters.
 */
public final class ForecastFeature implements Feature {

    /** The service's option that records early warnings from the forecast; on by default. */
    public static final String RECORD_WARNINGS = "earlyWarnings";

    /** The {@code forecast} message of the live feed: the latest forecast of every gate. */
    public record ForecastMessage(String type, Instant at, Collection<Forecaster.GateForecast> gates) {

        public ForecastMessage(Instant at, Collection<Forecaster.GateForecast> gates) {
            this("forecast", at, gates);
        }
    }

    @Override
    public String name() {
        return "forecast";
    }

    @Override
    public List<String> apiTags() {
        return List.of("forecast");
    }

    @Override
    public void storedTypes(EventTypeRegistry types) {
        types.register(WarningEvent.WarningIssued.class)
             .register(WarningEvent.WarningWithdrawn.class)
             .register(WarningEvent.HistoryBacktested.class);
    }

    @Override
    public List<Fold> folds(Province province) {
        return List.of(new WarningLog(), new QueueTrend(), new GateRhythm(province));
    }

    @Override
    public void commandSide(Configurer axon, CommandParts parts) {
        axon.configureAggregate(AggregateConfigurer.defaultConfiguration(GateWarnings.class)
                .configureCache(c -> parts.cache("warnings")));
    }

    /** Imported history is backtested once it has arrived, checked every quarter of the quiet period. */
    private static void backfill(Wiring w) {
        HistoryBackfill backfill = new HistoryBackfill(w.node(), w.clock(), System::nanoTime);
        Runnable unsubscribe = w.node().onChange(backfill::stored);
        w.node().whenHeadProjected().thenRun(backfill::caughtUp);
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();
        long timer = w.vertx().setPeriodic(HistoryBackfill.QUIET.toMillis() / 4, id -> {
            if (running.compareAndSet(false, true)) {
                w.vertx().executeBlocking(backfill::runDue, false)
                        .onComplete(done -> running.set(false))
                        .onFailure(e -> org.slf4j.LoggerFactory.getLogger(HistoryBackfill.class)
                                .warn("imported history not backtested", e));
            }
        });
        w.onStop(() -> {
            w.vertx().cancelTimer(timer);
            unsubscribe.run();
        });
    }

    @Override
    public void start(Wiring w) {
        boolean record = w.enabled(RECORD_WARNINGS, true);
        LiveForecast forecast = new LiveForecast(w.node(), w.clock(),
                record ? new EarlyWarnings(w.node(), w.clock()) : f -> { });
        LiveTopics live = w.require(LiveTopics.class, "board");
        live.include("forecast", () -> forecast.latest().values());
        forecast.onRefresh(latest -> w.vertx().runOnContext(v -> live.announce("forecast",
                new ForecastMessage(w.clock().instant(), latest.values()))));
        ForecastRoutes routes = new ForecastRoutes(w.vertx(), w.node(), forecast, w.clock());
        w.router().get("/api/v1/forecast").handler(w.access().viewers()).handler(routes::get);
        w.router().get("/api/v1/forecast/track-record").handler(w.access().viewers()).handler(routes::trackRecord);
        w.router().post("/api/v1/forecast/:gate/what-if").handler(w.body()).handler(w.access().coordinators())
                .handler(routes::whatIf);
        ForecastMeters.bind(w.meters(), w.node(), w.clock(), forecast);
        ForecastSchedule schedule = ForecastSchedule.start(w.vertx(), w.node(), w.node(), forecast);
        w.onStop(schedule::stop);
        if (record) {
            backfill(w);
        }
    }
}
