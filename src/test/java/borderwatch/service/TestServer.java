package borderwatch.service;

import borderwatch.auth.Tokens;
import borderwatch.core.Core;
import borderwatch.drill.Drills;
import borderwatch.http.HttpLimits;
import borderwatch.metrics.ServiceMetrics;
import borderwatch.province.Province;
import borderwatch.store.StoreLocation;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;

/** The service's core and HTTP side on a random port, for tests; stopped by {@link #close()}. */
public final class TestServer implements AutoCloseable {

    public final Core core;
    public final ServiceMetrics metrics = new ServiceMetrics();
    public final Drills drills;
    public final Vertx vertx;
    private final Clock clock;
    private HttpApi http;
    /** A coordinator token the tests send by default, accepted the way BORDERWATCH_BOOTSTRAP_TOKEN is. */
    public static final String TOKEN = "test-coordinator-token-0123456789abcdef";
    public final Tokens tokens;
    /** Tests send requests far faster than any client should; their limit is tested on its own. */
    private HttpLimits limits = HttpLimits.DEFAULTS.withRequestsPerSecond(100_000);
    private final boolean earlyWarnings;
    private borderwatch.notify.Webhooks webhooks;
    private final boolean publicBoard;
    private java.util.Set<String> trustedProxies = java.util.Set.of();
    /** The demo's congestion controls, when this node plays a demo. */
    public final borderwatch.sim.DemoScenarios demoScenarios;

    /** Records no early warnings of its own, so a test's store holds only what the test sent. */
    public TestServer(Path data, Clock clock) {
        this(new StoreLocation.Embedded(data), data, clock);
    }

    /** A node that records early warnings from its forecast, as a real one does. */
    public static TestServer withEarlyWarnings(Path data, Clock clock) {
        return new TestServer(new StoreLocation.Embedded(data), data, clock, true, false, null);
    }

    /** A node serving the public wait board, as {@code --public-board} does. */
    public static TestServer withPublicBoard(Path data, Clock clock) {
        return new TestServer(new StoreLocation.Embedded(data), data, clock, false, true, null);
    }

    /** A demo node's HTTP side: the congestion controls, without a simulator running. */
    public static TestServer withDemoScenarios(Path data, Clock clock) {
        return new TestServer(new StoreLocation.Embedded(data), data, clock, false, false, new borderwatch.sim.DemoScenarios());
    }

    /** A demo node serving the public board too: every route the service has. */
    public static TestServer withEveryRoute(Path data, Clock clock) {
        return new TestServer(new StoreLocation.Embedded(data), data, clock, false, true, new borderwatch.sim.DemoScenarios());
    }

    /** A node on {@code store}; drills keep their sandboxes under {@code data}. */
    public TestServer(StoreLocation store, Path data, Clock clock) {
        this(store, data, clock, false, false, null);
    }

    private TestServer(StoreLocation store, Path data, Clock clock, boolean earlyWarnings, boolean publicBoard,
                       borderwatch.sim.DemoScenarios demoScenarios) {
        this.earlyWarnings = earlyWarnings;
        this.publicBoard = publicBoard;
        this.demoScenarios = demoScenarios;
        this.tokens = Tokens.open(data.resolve("tokens.json"), TOKEN);
        this.core = Core.open(store, Province.defaults(), ReadModels.ALL, metrics.forProvince(Province.defaults().provinceId()));
        metrics.bindCore(core);
        metrics.bindDataDirectory(data, store instanceof StoreLocation.Embedded e
                ? () -> borderwatch.store.sqlite.StoreBackup.lastSuccess(e.dir()) : null);
        this.drills = new Drills(data, Core::open, core.gates(), ReadModels.ALL, clock);
        this.vertx = metrics.newVertx();
        this.clock = clock;
        this.http = deploy(0);
    }

    private HttpApi deploy(int port) {
        HttpApi api = new HttpApi(core, drills, metrics, tokens, clock, "127.0.0.1", port).withLimits(limits)
                .withEarlyWarnings(earlyWarnings).withPublicBoard(publicBoard).withDemoScenarios(demoScenarios)
                .withWebhooks(webhooks).withTrustedProxies(trustedProxies);
        vertx.deployVerticle(api).await();
        return api;
    }

    public HttpApi http() {
        return http;
    }

    public int port() {
        return http.actualPort();
    }

    /** Notifies {@code hooks} of what this node stores from now on, and redeploys the HTTP side to show their deliveries. */
    public void notify(borderwatch.notify.Webhooks hooks) {
        hooks.listenTo(core, core);
        int port = port();
        stopHttp();
        webhooks = hooks;
        restartHttp(port);
    }

    /** Redeploys the HTTP side on its port with another per-token request limit. */
    public void limitRequests(int perSecond) {
        limit(l -> l.withRequestsPerSecond(perSecond));
    }

    /** Redeploys the HTTP side on its port with another bound on batches being stored at once. */
    public void limitBatchesInFlight(int max) {
        limit(l -> l.withBatchesInFlight(max));
    }

    /** Redeploys the HTTP side on its port with other limits. */
    public void limit(java.util.function.UnaryOperator<HttpLimits> change) {
        int port = port();
        stopHttp();
        limits = change.apply(limits);
        restartHttp(port);
    }

    /**
     * Redeploys the HTTP side on its port taking the client's address from X-Forwarded-For sent from
     * this host, as a node behind the shipped nginx is configured; tests then speak as many clients.
     */
    public TestServer trustingLocalProxy() {
        int port = port();
        stopHttp();
        trustedProxies = java.util.Set.of("127.0.0.1");
        restartHttp(port);
        return this;
    }

    /** Stops the HTTP side (and so the live feed) while the core keeps running. */
    public void stopHttp() {
        vertx.undeploy(vertx.deploymentIDs().iterator().next()).await();
    }

    /** Starts the HTTP side again on the same port. */
    public void restartHttp(int port) {
        http = deploy(port);
    }

    @Override
    public void close() {
        vertx.close().await();
        drills.close();
        core.close();
        metrics.close();
    }
}
