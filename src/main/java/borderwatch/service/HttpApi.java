package borderwatch.service;

import borderwatch.auth.Tokens;
import borderwatch.board.LiveFeed;
import borderwatch.core.Core;
import borderwatch.core.Features;
import borderwatch.core.StoredEventTypes;
import borderwatch.drill.Drills;
import borderwatch.forecast.ForecastFeature;
import borderwatch.http.Access;
import borderwatch.http.BodilessMethods;
import borderwatch.http.BoundedBody;
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
import borderwatch.metrics.ServiceMetrics;
import borderwatch.notify.Webhooks;
import borderwatch.plugin.FeatureSet;
import borderwatch.plugin.Wiring;
import borderwatch.publicboard.PublicBoardFeature;
import borderwatch.sim.DemoScenarios;
import borderwatch.store.EventTypeRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The HTTP server on one port: connection guards, the request log, client addresses, security
 * headers and path rules in front; every feature's routes from {@link Features}; tokens, health and
 * metrics; then the console's files and the refusals.
 */
public final class HttpApi extends VerticleBase {

    public static final long BODY_LIMIT_BYTES = HttpLimits.BODY_LIMIT_BYTES;
    public static final int DEFAULT_REQUESTS_PER_SECOND = HttpLimits.DEFAULT_REQUESTS_PER_SECOND;
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
    private long tokenWatch;
    private final Map<Class<?>, Object> parts = new HashMap<>();
    private final Map<String, Boolean> options = new HashMap<>();
    private Clock recordingClock = Clock.systemUTC();
    private FeatureSet.Started started;
    private final List<FeatureSet.Started> moreStarted = new java.util.ArrayList<>();
    private final List<ProvinceNode> moreProvinces = new java.util.ArrayList<>();
    private Sockets sockets;
    private ConnectionGuard guard;
    private NationalFeed nationalFeed;

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
        HealthRoutes health = new HealthRoutes(java.util.stream.Stream.concat(java.util.stream.Stream.of(core),
                moreProvinces.stream().map(ProvinceNode::core)).toList());
        // Each route reads a body of bounded size (Vert.x runs body handlers first), checks the token, then does its work.
        Access access = new Access(tokens, new RateLimits(limits.requestsPerSecondPerToken()));
        sockets = new Sockets(vertx, tokens, limits.pingInterval(), guard::closed);
        // Revocations by another process (the token command) are noticed within a second even when no request comes.
        tokenWatch = vertx.setPeriodic(1_000, id -> vertx.executeBlocking(() -> {
            tokens.refresh();
            return null;
        }, false));
        var body = BoundedBody.upTo(BODY_LIMIT_BYTES);
        Map<Class<?>, Object> parts = new HashMap<>(this.parts);
        parts.put(Drills.class, drills);
        parts.put(EventTypeRegistry.class, StoredEventTypes.registry());
        List<ProvinceNode> provinces = new java.util.ArrayList<>();
        provinces.add(new ProvinceNode(core, drills, null, null));
        provinces.addAll(moreProvinces);
        // National routes read every province; they come before a province's routes take the request.
        NationalRoutes national = new NationalRoutes(vertx, provinces.stream().map(ProvinceNode::core).toList(), clock);
        router.get("/api/v1/national/board").handler(access.viewers()).handler(national::board);
        router.get("/api/v1/national/reports/:year").handler(access.viewersByLink()).handler(national::report);
        nationalFeed = new NationalFeed(vertx, provinces.stream().map(ProvinceNode::core).toList(), clock);
        router.get("/ws/national").handler(access.viewersByLink())
                .handler(ctx -> sockets.upgrade(ctx, (socket, closed) -> nationalFeed.attach(socket, closed, Access.principal(ctx))));
        nationalFeed.start();
        if (provinces.size() == 1) {
            // One province: its features on the node's router, every path exactly as it always was.
            router.route().handler(ProvinceDispatch.onlyProvince(core.gates().provinceId()));
            Wiring wiring = new Wiring(vertx, router, core, clock, recordingClock, access, body, sockets, limits,
                    metrics.forProvince(core.gates().provinceId()), tokens, parts, options);
            started = Features.ALL.start(wiring);
            live = wiring.require(LiveFeed.class, "board");
        } else {
            // Several: each province's features on a router of its own, with its node, its drills and an
            // access check that refuses tokens confined to other provinces; ?province= picks the router.
            Map<String, Router> byProvince = new java.util.LinkedHashMap<>();
            for (ProvinceNode p : provinces) {
                Router own = Router.router(vertx);
                Map<Class<?>, Object> ownParts = new HashMap<>(parts);
                ownParts.put(Drills.class, p.drills());
                if (p != provinces.get(0)) {
                    ownParts.remove(DemoScenarios.class);
                    ownParts.remove(Webhooks.class);
                    if (p.scenarios() != null) {
                        ownParts.put(DemoScenarios.class, p.scenarios());
                    }
                    if (p.webhooks() != null) {
                        ownParts.put(Webhooks.class, p.webhooks());
                    }
                }
                Wiring wiring = new Wiring(vertx, own, p.core(), clock, recordingClock, access.forProvince(p.id()), body,
                        sockets, limits, metrics.forProvince(p.id()), tokens, ownParts, options);
                FeatureSet.Started s = Features.ALL.start(wiring);
                if (p == provinces.get(0)) {
                    started = s;
                    live = wiring.require(LiveFeed.class, "board");
                } else {
                    moreStarted.add(s);
                }
                own.route().last().handler(ctx -> ctx.fail(404));
                own.route().failureHandler(Failures::handle);
                byProvince.put(p.id(), own);
            }
            router.route().handler(new ProvinceDispatch(byProvince, provinces.get(0).id()));
        }

        java.util.Set<String> allGates = new java.util.TreeSet<>();
        provinces.forEach(p -> p.core().gates().all().forEach(g -> allGates.add(g.id())));
        TokensRoute tokenRoutes = new TokensRoute(vertx, tokens, allGates,
                provinces.stream().map(ProvinceNode::id).collect(Collectors.toSet()));
        router.get("/api/v1/whoami").handler(access.anyone()).handler(ctx -> {
            var who = Access.principal(ctx);
            Json.send(ctx, 200, Map.of("role", who.role().id(), "gates", who.gates(), "provinces", who.provinces(),
                    "label", who.label()));
        });
        router.get("/api/v1/tokens").handler(access.admins()).handler(tokenRoutes::list);
        router.post("/api/v1/tokens").handler(body).handler(access.admins()).handler(tokenRoutes::create);
        router.delete("/api/v1/tokens/:id").handler(access.admins()).handler(tokenRoutes::revoke);
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
        // An API path no route took is unknown, whatever the method: the console's files are not looked up for it.
        router.route("/api/*").handler(ctx -> ctx.fail(404));
        // Browsers ask for /favicon.ico whatever the page says: they get the console's icon.
        router.get("/favicon.ico").handler(ctx -> ctx.reroute("/favicon.svg"));
        router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setCachingEnabled(true));
        router.get("/*").handler(StaticHandler.create("console").setIndexPage("index.html"));
        router.route().last().handler(ctx -> ctx.fail(404));
        router.route().failureHandler(Failures::handle);
        router.errorHandler(405, Failures::handle);

        // No HTTP/2 over clear text: its detection waits for a client's first bytes before a
        // connection exists, and a client that sends none would never meet its deadline.
        return vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false).setStrictThreadMode(true)
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
        if (sockets != null) {
            sockets.stop();
        }
        if (started != null) {
            started.stop();
        }
        moreStarted.forEach(FeatureSet.Started::stop);
        if (nationalFeed != null) {
            nationalFeed.stop();
        }
        return Future.succeededFuture();
    }

    /**
     * More provinces this node serves besides its own (before deployment): each with its own node,
     * drills and, optionally, demo controls and webhooks. Province ids and gate ids must be unique.
     */
    public HttpApi withMoreProvinces(List<ProvinceNode> more) {
        moreProvinces.addAll(more);
        return this;
    }

    /** Bounds the batches being stored at once (before deployment); beyond it, 503 with Retry-After. */
    public HttpApi withBatchesInFlight(int max) {
        this.limits = limits.withBatchesInFlight(max);
        return this;
    }

    /**
     * Whether this node records early warnings from its forecast (on by default). Off, the forecast
     * and its warnings are still served, but nothing is written to the store on the forecast's own.
     */
    public HttpApi withEarlyWarnings(boolean record) {
        options.put(ForecastFeature.RECORD_WARNINGS, record);
        return this;
    }

    /** The demo's congestion controls and their marks on the board; only {@code demo} has them. */
    public HttpApi withDemoScenarios(DemoScenarios scenarios) {
        if (scenarios != null) {
            parts.put(DemoScenarios.class, scenarios);
        }
        return this;
    }

    /** Whose deliveries admins read at /api/v1/webhooks; the hooks listen to the store on their own. */
    public HttpApi withWebhooks(Webhooks hooks) {
        parts.put(Webhooks.class, hooks);
        return this;
    }

    /** Serves the public wait board at {@code /public} and {@code /public/v1/waits} (off by default). */
    public HttpApi withPublicBoard(boolean on) {
        options.put(PublicBoardFeature.OPTION, on);
        return this;
    }

    /** Takes the client's address from {@code X-Forwarded-For} when the peer is one of {@code proxies}. */
    public HttpApi withTrustedProxies(java.util.Set<String> proxies) {
        this.clientAddress = new ClientAddress(proxies);
        return this;
    }

    /** Replaces every limit (before deployment). */
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
    public List<String> routes() {
        return FeatureSet.fixedRoutes(router.getRoutes()).stream().distinct().sorted().toList();
    }

    /** The routes each feature added, by feature name; the server's own (tokens, health) are in none. */
    public Map<String, List<String>> routesByFeature() {
        return started.routesByFeature();
    }

    /** The clock the store stamps recorded events with (the wall clock unless a test sets one). */
    public HttpApi withRecordingClock(Clock recording) {
        this.recordingClock = recording;
        return this;
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int actualPort() {
        return server.actualPort();
    }
}
