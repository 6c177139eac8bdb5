package borderwatch.web;

import borderwatch.app.Core;
import borderwatch.drill.Drills;
import borderwatch.metrics.ServiceMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import borderwatch.live.LiveFeed;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;

/** The HTTP API v1 on one port. */
public final class HttpApi extends VerticleBase {

    public static final long BODY_LIMIT_BYTES = 1024 * 1024;

    private final Core core;
    private final Drills drills;
    private final ServiceMetrics metrics;
    private final Clock clock;
    private final int port;
    private final String host;
    private HttpServer server;
    private LiveFeed live;
    private DrillsRoute drillRoutes;

    public HttpApi(Core core, Drills drills, ServiceMetrics metrics, Clock clock, String host, int port) {
        this.core = core;
        this.drills = drills;
        this.metrics = metrics;
        this.clock = clock;
        this.host = host;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        EventsRoute events = new EventsRoute(vertx, core, clock);
        PlansRoute plans = new PlansRoute(vertx, core, clock);
        QueriesRoute queries = new QueriesRoute(core, clock);

        ImportsRoute imports = new ImportsRoute(vertx, core, clock);
        router.post("/api/v1/imports").handler(BodyHandler.create(false).setBodyLimit(ImportsRoute.BODY_LIMIT_BYTES));
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
        router.post("/api/v1/imports").handler(imports::handle);
        router.post("/api/v1/events").handler(events::handle);
        router.put("/api/v1/plans/:year").handler(plans::put);
        router.get("/api/v1/plans/:year/progress").handler(plans::progress);
        router.get("/api/v1/gates").handler(queries::gates);
        ResponsePlansRoute responsePlans = new ResponsePlansRoute(vertx, ctx -> new ResponsePlansRoute.Target(core, clock));
        router.post("/api/v1/gates/:gate/plans/activate").handler(responsePlans::activate);
        router.post("/api/v1/gates/:gate/plans/deactivate").handler(responsePlans::deactivate);
        drillRoutes = new DrillsRoute(vertx, drills);
        router.post("/api/v1/drills").handler(drillRoutes::start);
        router.get("/api/v1/drills").handler(drillRoutes::list);
        router.get("/api/v1/drills/:id").handler(drillRoutes::get);
        router.post("/api/v1/drills/:id/stop").handler(drillRoutes::stop);
        router.post("/api/v1/drills/:id/gates/:gate/plans/activate").handler(drillRoutes::activate);
        router.post("/api/v1/drills/:id/gates/:gate/plans/deactivate").handler(drillRoutes::deactivate);
        router.get("/ws/drills/:id").handler(drillRoutes::watch);
        router.get("/api/v1/reports/:year").handler(new ReportsRoute(vertx, core, clock)::get);
        router.get("/api/v1/board").handler(queries::board);
        router.get("/api/v1/totals").handler(queries::totals);
        router.get("/health").handler(queries::health);
        router.get("/health/live").handler(queries::live);
        router.get("/health/ready").handler(queries::ready);
        router.get("/metrics").handler(ctx -> vertx.executeBlocking(metrics::scrape, false)
                .onSuccess(text -> ctx.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(text))
                .onFailure(ctx::fail));
        live = new LiveFeed(vertx, core, clock);
        live.start();
        metrics.bindLiveFeed(live);
        router.get("/ws/live").handler(live::upgrade);
        router.get("/ws/history").handler(new HistoryFeedRoute(vertx, core, clock)::watch);
        router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setCachingEnabled(true));
        router.get("/*").handler(StaticHandler.create("console").setIndexPage("index.html"));
        router.route().last().handler(ctx -> ctx.fail(404));
        router.route().failureHandler(Failures::handle);
        router.errorHandler(405, Failures::handle);

        return vertx.createHttpServer()
                    .requestHandler(router)
                    .listen(port, host)
                    .onSuccess(s -> server = s);
    }

    @Override
    public Future<?> stop() {
        if (live != null) {
            live.stop();
        }
        if (drillRoutes != null) {
            drillRoutes.stopFeeds();
        }
        return Future.succeededFuture();
    }

    public LiveFeed live() {
        return live;
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int actualPort() {
        return server.actualPort();
    }
}
