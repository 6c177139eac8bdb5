package borderwatch.web;

import borderwatch.app.Core;
import borderwatch.auth.Tokens;
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
    /** Per token: ample for a gate system or a console, small enough that one client cannot swamp the node. */
    public static final int DEFAULT_REQUESTS_PER_SECOND = 50;
    /** Batches being stored at once; 16 command threads share each group commit, more only queue. */
    public static final int DEFAULT_BATCHES_IN_FLIGHT = 256;
    private int maxBatchesInFlight = DEFAULT_BATCHES_IN_FLIGHT;

    private final Core core;
    private final Tokens tokens;
    private final int requestsPerSecondPerToken;
    private final Drills drills;
    private final ServiceMetrics metrics;
    private final Clock clock;
    private final int port;
    private final String host;
    private HttpServer server;
    private LiveFeed live;
    private DrillsRoute drillRoutes;

    public HttpApi(Core core, Drills drills, ServiceMetrics metrics, Tokens tokens, Clock clock, String host, int port) {
        this(core, drills, metrics, tokens, DEFAULT_REQUESTS_PER_SECOND, clock, host, port);
    }

    public HttpApi(Core core, Drills drills, ServiceMetrics metrics, Tokens tokens, int requestsPerSecondPerToken,
                   Clock clock, String host, int port) {
        this.requestsPerSecondPerToken = requestsPerSecondPerToken;
        this.core = core;
        this.tokens = tokens;
        this.drills = drills;
        this.metrics = metrics;
        this.clock = clock;
        this.host = host;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        SecurityHeaders.install(router);
        EventsRoute events = new EventsRoute(vertx, core, clock, maxBatchesInFlight);
        PlansRoute plans = new PlansRoute(vertx, core, clock);
        QueriesRoute queries = new QueriesRoute(core, clock);

        ImportsRoute imports = new ImportsRoute(vertx, core, clock);
        // Each route reads a body of bounded size (Vert.x runs body handlers first), checks the token, then does its work.
        Access access = new Access(tokens, new RateLimits(requestsPerSecondPerToken));
        var body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES);
        router.post("/api/v1/imports").handler(BodyHandler.create(false).setBodyLimit(ImportsRoute.BODY_LIMIT_BYTES))
                .handler(access.coordinators()).handler(imports::handle);
        router.post("/api/v1/events").handler(body).handler(access.reporters()).handler(events::handle);
        router.put("/api/v1/plans/:year").handler(body).handler(access.coordinators()).handler(plans::put);
        router.get("/api/v1/plans/:year/progress").handler(access.viewers()).handler(plans::progress);
        router.get("/api/v1/gates").handler(access.viewers()).handler(queries::gates);
        ResponsePlansRoute responsePlans = new ResponsePlansRoute(vertx, ctx -> new ResponsePlansRoute.Target(core, clock));
        router.post("/api/v1/gates/:gate/plans/activate").handler(body).handler(access.coordinators())
                .handler(responsePlans::activate);
        router.post("/api/v1/gates/:gate/plans/deactivate").handler(body).handler(access.coordinators())
                .handler(responsePlans::deactivate);
        drillRoutes = new DrillsRoute(vertx, drills);
        router.post("/api/v1/drills").handler(body).handler(access.coordinators()).handler(drillRoutes::start);
        router.get("/api/v1/drills").handler(access.viewers()).handler(drillRoutes::list);
        router.get("/api/v1/drills/:id").handler(access.viewers()).handler(drillRoutes::get);
        router.post("/api/v1/drills/:id/stop").handler(body).handler(access.coordinators()).handler(drillRoutes::stop);
        router.post("/api/v1/drills/:id/gates/:gate/plans/activate").handler(body).handler(access.coordinators())
                .handler(drillRoutes::activate);
        router.post("/api/v1/drills/:id/gates/:gate/plans/deactivate").handler(body).handler(access.coordinators())
                .handler(drillRoutes::deactivate);
        router.get("/ws/drills/:id").handler(access.viewers()).handler(drillRoutes::watch);
        router.get("/api/v1/reports/:year").handler(access.viewers()).handler(new ReportsRoute(vertx, core, clock)::get);
        router.get("/api/v1/board").handler(access.viewers()).handler(queries::board);
        router.get("/api/v1/totals").handler(access.viewers()).handler(queries::totals);
        TokensRoute tokenRoutes = new TokensRoute(vertx, tokens, core.gates().all().stream()
                .map(borderwatch.gate.GateConfig::id).collect(java.util.stream.Collectors.toSet()));
        router.get("/api/v1/whoami").handler(access.anyone()).handler(ctx -> {
            var who = Access.principal(ctx);
            Json.send(ctx, 200, java.util.Map.of("role", who.role().id(), "gates", who.gates(), "label", who.label()));
        });
        router.get("/api/v1/tokens").handler(access.admins()).handler(tokenRoutes::list);
        router.post("/api/v1/tokens").handler(body).handler(access.admins()).handler(tokenRoutes::create);
        router.delete("/api/v1/tokens/:id").handler(access.admins()).handler(tokenRoutes::revoke);
        router.route("/api/*").handler(body);
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
        router.get("/ws/live").handler(access.viewers()).handler(live::upgrade);
        router.get("/ws/history").handler(access.viewers()).handler(new HistoryFeedRoute(vertx, core, clock)::watch);
        router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setCachingEnabled(true));
        router.get("/*").handler(StaticHandler.create("console").setIndexPage("index.html"));
        router.route().last().handler(ctx -> ctx.fail(404));
        router.route().failureHandler(Failures::handle);
        router.errorHandler(405, Failures::handle);

        return vertx.createHttpServer()
                    .invalidRequestHandler(InvalidRequests.handler())
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

    /** Bounds the batches being stored at once (before deployment); beyond it, 503 with Retry-After. */
    public HttpApi withBatchesInFlight(int max) {
        this.maxBatchesInFlight = max;
        return this;
    }

    public LiveFeed live() {
        return live;
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int actualPort() {
        return server.actualPort();
    }
}
