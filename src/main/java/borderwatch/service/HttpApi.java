package borderwatch.service;

import borderwatch.apidocs.ApiDocsRoutes;
import borderwatch.audit.AuditRoute;
import borderwatch.auth.Tokens;
import borderwatch.board.BoardRoutes;
import borderwatch.board.LiveFeed;
import borderwatch.congestion.ResponsePlansRoute;
import borderwatch.core.Core;
import borderwatch.core.StoredEventTypes;
import borderwatch.drill.Drills;
import borderwatch.drill.DrillsRoute;
import borderwatch.forecast.EarlyWarnings;
import borderwatch.forecast.ForecastRoutes;
import borderwatch.forecast.ForecastSchedule;
import borderwatch.forecast.LiveForecast;
import borderwatch.history.HistoryFeedRoute;
import borderwatch.history.ImportsRoute;
import borderwatch.history.ReplaySlots;
import borderwatch.http.Access;
import borderwatch.http.BodilessMethods;
import borderwatch.http.ClientAddress;
import borderwatch.http.ConnectionGuard;
import borderwatch.http.Failures;
import borderwatch.http.HttpLimits;
import borderwatch.http.InvalidRequests;
import borderwatch.http.Json;
import borderwatch.http.PathRule;
import borderwatch.http.RateLimits;
import borderwatch.http.RequestLog;
import borderwatch.http.SecurityHeaders;
import borderwatch.http.Sockets;
import borderwatch.http.TokensRoute;
import borderwatch.ingest.EventsRoute;
import borderwatch.metrics.ServiceMetrics;
import borderwatch.notify.Webhooks;
import borderwatch.notify.WebhooksRoute;
import borderwatch.publicboard.PublicBoardRoutes;
import borderwatch.report.ReportsRoute;
import borderwatch.sim.DemoScenarioRoutes;
import borderwatch.sim.DemoScenarios;
import borderwatch.tradeplan.PlansRoute;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The HTTP API v1 on one port. */
public final class HttpApi extends VerticleBase {

    public static final long BODY_LIMIT_BYTES = HttpLimits.BODY_LIMIT_BYTES;
    public static final int DEFAULT_REQUESTS_PER_SECOND = HttpLimits.DEFAULT_REQUESTS_PER_SECOND;
    public static final int DEFAULT_BATCHES_IN_FLIGHT = HttpLimits.DEFAULT_BATCHES_IN_FLIGHT;
    private HttpLimits limits;
    private ClientAddress clientAddress = ClientAddress.TRUST_NO_PROXY;

    private final Core core;
    private final Tokens tokens;
    private final Drills drills;
    private final ServiceMetrics metrics;
    private final Clock clock;
    private final int port;
    private final String host;
    private HttpServer server;
    private Router router;
    private LiveFeed live;
    private DrillsRoute drillRoutes;
    private long tokenWatch;
    private ForecastSchedule forecastSchedule;
    private boolean recordWarnings = true;
    private boolean publicBoard;
    private DemoScenarios demoScenarios;
    private Webhooks webhooks;
    private Sockets sockets;
    private ConnectionGuard guard;

    public HttpApi(Core core, Drills drills, ServiceMetrics metrics, Tokens tokens, Clock clock, String host, int port) {
        this(core, drills, metrics, tokens, DEFAULT_REQUESTS_PER_SECOND, clock, host, port);
    }

    public HttpApi(Core core, Drills drills, ServiceMetrics metrics, Tokens tokens, int requestsPerSecondPerToken,
                   Clock clock, String host, int port) {
        this.limits = HttpLimits.DEFAULTS.withRequestsPerSecond(requestsPerSecondPerToken);
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
        router = Router.router(vertx);
        guard = new ConnectionGuard(vertx, limits);
        router.route().handler(guard.handler());
        router.route().handler(RequestLog.handler());
        router.route().handler(clientAddress.handler());
        SecurityHeaders.install(router);
        router.route().handler(PathRule.handler());
        router.route().handler(BodilessMethods.handler());
        EventsRoute events = new EventsRoute(vertx, core, clock, limits.batchesInFlight());
        PlansRoute plans = new PlansRoute(vertx, core, clock);
        BoardRoutes queries = new BoardRoutes(core, clock);
        HealthRoutes health = new HealthRoutes(core);

        ImportsRoute imports = new ImportsRoute(vertx, core, clock);
        // Each route reads a body of bounded size (Vert.x runs body handlers first), checks the token, then does its work.
        Access access = new Access(tokens, new RateLimits(limits.requestsPerSecondPerToken()));
        sockets = new Sockets(vertx, tokens, limits.pingInterval(), guard::closed);
        // Revocations by another process (the token command) are noticed within a second even when no request comes.
        tokenWatch = vertx.setPeriodic(1_000, id -> vertx.executeBlocking(() -> {
            tokens.refresh();
            return null;
        }, false));
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
        drillRoutes = new DrillsRoute(vertx, drills, sockets);
        router.post("/api/v1/drills").handler(body).handler(access.coordinators()).handler(drillRoutes::start);
        router.get("/api/v1/drills").handler(access.viewers()).handler(drillRoutes::list);
        router.get("/api/v1/drills/:id").handler(access.viewers()).handler(drillRoutes::get);
        router.post("/api/v1/drills/:id/stop").handler(body).handler(access.coordinators()).handler(drillRoutes::stop);
        router.post("/api/v1/drills/:id/gates/:gate/plans/activate").handler(body).handler(access.coordinators())
                .handler(drillRoutes::activate);
        router.post("/api/v1/drills/:id/gates/:gate/plans/deactivate").handler(body).handler(access.coordinators())
                .handler(drillRoutes::deactivate);
        router.get("/ws/drills/:id").handler(access.viewersByLink()).handler(drillRoutes::watch);
        router.get("/api/v1/reports/:year").handler(access.viewersByLink()).handler(new ReportsRoute(vertx, core, clock)::get);
        router.get("/api/v1/board").handler(access.viewers()).handler(queries::board);
        router.get("/api/v1/totals").handler(access.viewers()).handler(queries::totals);
        TokensRoute tokenRoutes = new TokensRoute(vertx, tokens, core.gates().all().stream()
                .map(borderwatch.province.GateConfig::id).collect(java.util.stream.Collectors.toSet()));
        router.get("/api/v1/whoami").handler(access.anyone()).handler(ctx -> {
            var who = Access.principal(ctx);
            Json.send(ctx, 200, java.util.Map.of("role", who.role().id(), "gates", who.gates(), "label", who.label()));
        });
        router.get("/api/v1/audit").handler(access.coordinators())
                .handler(new AuditRoute(vertx, core, tokens.audit(), Clock.systemUTC(),
                        StoredEventTypes.registry()::nameOf)::get);
        router.get("/api/v1/tokens").handler(access.admins()).handler(tokenRoutes::list);
        router.post("/api/v1/tokens").handler(body).handler(access.admins()).handler(tokenRoutes::create);
        router.delete("/api/v1/tokens/:id").handler(access.admins()).handler(tokenRoutes::revoke);
        new ApiDocsRoutes().install(router);
        router.get("/api/v1/webhooks").handler(access.admins())
                .handler(new WebhooksRoute(webhooks == null ? Webhooks.none(core.gates()) : webhooks)::get);
        // Bodies are read only where a method has one: Vert.x refuses to decode a form sent with any other.
        router.route("/api/*").method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH)
                .method(HttpMethod.DELETE).handler(body);
        router.get("/health").handler(health::health);
        router.get("/health/live").handler(health::live);
        router.get("/health/ready").handler(health::ready);
        router.get("/metrics").handler(ctx -> vertx.executeBlocking(metrics::scrape, false)
                .onSuccess(text -> ctx.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(text))
                .onFailure(ctx::fail));
        live = new LiveFeed(vertx, core, clock);
        LiveForecast forecast = new LiveForecast(core, clock, recordWarnings ? new EarlyWarnings(core, clock) : f -> { });
        live.include("forecast", () -> forecast.latest().values());
        forecast.onRefresh(latest -> vertx.runOnContext(v -> live.announce("forecast",
                Map.of("type", "forecast", "at", clock.instant(), "gates", latest.values()))));
        if (demoScenarios != null) {
            DemoScenarioRoutes demo = new DemoScenarioRoutes(core, demoScenarios, clock);
            router.get("/api/v1/demo/scenarios").handler(access.viewers()).handler(demo::list);
            router.post("/api/v1/demo/scenarios").handler(body).handler(access.coordinators()).handler(demo::start);
            router.delete("/api/v1/demo/scenarios/:gate").handler(access.coordinators()).handler(demo::end);
            // Marked on the board as simulated, from the snapshot on and whenever one starts or ends.
            live.include("demoScenarios", () -> demoScenarios.active(clock.instant()));
            demoScenarios.onChange(active -> vertx.runOnContext(v -> live.announce("demo",
                    Map.of("type", "demo", "at", clock.instant(), "scenarios", active))));
        }
        live.start();
        metrics.bindLiveFeed(live);
        metrics.bindForecast(forecast);
        ForecastRoutes forecastRoutes = new ForecastRoutes(vertx, core, forecast);
        router.get("/api/v1/forecast").handler(access.viewers()).handler(forecastRoutes::get);
        router.post("/api/v1/forecast/:gate/what-if").handler(body).handler(access.coordinators())
                .handler(forecastRoutes::whatIf);
        forecastSchedule = ForecastSchedule.start(vertx, core, core, forecast);
        router.get("/ws/live").handler(access.viewersByLink()).handler(ctx -> sockets.upgrade(ctx, live::attach));
        router.get("/ws/history").handler(access.viewersByLink()).handler(new HistoryFeedRoute(vertx, core, clock, sockets,
                new ReplaySlots(limits.replaysPerToken(), limits.replaysPerNode()))::watch);
        if (publicBoard) {
            // The public wait board: no token, figures limited to levels and expected waits.
            router.get("/public/v1/waits").handler(new PublicBoardRoutes(core, clock)::waits);
            router.getWithRegex("^/public$").handler(ctx -> ctx.redirect("/public/"));
        } else {
            router.route("/public").handler(ctx -> ctx.fail(404));
            router.route("/public/*").handler(ctx -> ctx.fail(404));
        }
        // An API path no route took is unknown, whatever the method: the console's files are not looked up for it.
        router.route("/api/*").handler(ctx -> ctx.fail(404));
        router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setCachingEnabled(true));
        router.get("/*").handler(StaticHandler.create("console").setIndexPage("index.html"));
        router.route().last().handler(ctx -> ctx.fail(404));
        router.route().failureHandler(Failures::handle);
        router.errorHandler(405, Failures::handle);

        // No HTTP/2 over clear text: its detection waits for a client's first bytes before a
        // connection exists, and a client that sends none would never meet its deadline.
        return vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false)
                            .setIdleTimeout((int) limits.idleTimeout().toSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS))
                    .connectionHandler(guard::opened)
                    .invalidRequestHandler(InvalidRequests.handler())
                    .requestHandler(request -> {
                        if (!PathRule.refusedBeforeRouting(request)) {
                            router.handle(request);
                        }
                    })
                    .listen(port, host)
                    .onSuccess(s -> server = s);
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(tokenWatch);
        if (forecastSchedule != null) {
            forecastSchedule.stop();
        }
        if (sockets != null) {
            sockets.stop();
        }
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
        this.limits = limits.withBatchesInFlight(max);
        return this;
    }

    /** Replaces every limit (before deployment). */
    /**
     * Whether this node records early warnings from its forecast (on by default). Off, the forecast
     * and its warnings are still served, but nothing is written to the store on the forecast's own.
     */
    public HttpApi withEarlyWarnings(boolean record) {
        this.recordWarnings = record;
        return this;
    }

    /** The demo's congestion controls and their marks on the board; only {@code demo} has them. */
    public HttpApi withDemoScenarios(DemoScenarios scenarios) {
        this.demoScenarios = scenarios;
        return this;
    }

    /** Whose deliveries admins read at /api/v1/webhooks; the hooks listen to the store on their own. */
    public HttpApi withWebhooks(Webhooks hooks) {
        this.webhooks = hooks;
        return this;
    }

    /** Serves the public wait board at {@code /public} and {@code /public/v1/waits} (off by default). */
    public HttpApi withPublicBoard(boolean on) {
        this.publicBoard = on;
        return this;
    }

    /** Takes the client's address from {@code X-Forwarded-For} when the peer is one of {@code proxies}. */
    public HttpApi withTrustedProxies(java.util.Set<String> proxies) {
        this.clientAddress = new ClientAddress(proxies);
        return this;
    }

    public HttpApi withLimits(HttpLimits next) {
        this.limits = next;
        return this;
    }

    public HttpLimits limits() {
        return limits;
    }

    public LiveFeed live() {
        return live;
    }

    /** Every route with a fixed path, as "METHOD /path/:param"; what the API description must cover. */
    public java.util.List<String> routes() {
        return router.getRoutes().stream()
                .filter(r -> r.getPath() != null && r.isExactPath() && r.methods() != null && !r.methods().isEmpty())
                .flatMap(r -> r.methods().stream().map(m -> m.name() + " " + r.getPath()))
                .distinct().sorted().toList();
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int actualPort() {
        return server.actualPort();
    }
}
