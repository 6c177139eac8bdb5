package borderwatch.cli;

import borderwatch.auth.Tokens;
import borderwatch.core.Core;
import borderwatch.drill.Drills;
import borderwatch.metrics.ServiceMetrics;
import borderwatch.notify.HookFile;
import borderwatch.notify.Webhooks;
import borderwatch.store.StoreLocation;
import borderwatch.store.sqlite.StoreBackup;
import borderwatch.service.HttpApi;
import borderwatch.service.ProvinceNode;
import borderwatch.service.ReadModels;
import borderwatch.shared.Fatal;
import borderwatch.sim.AcceleratedClock;
import borderwatch.sim.DemoScenarios;
import borderwatch.sim.DemoSeed;
import borderwatch.sim.Simulator;
import borderwatch.sim.SimulatorVerticle;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service: core, HTTP API and, in demo mode, the simulator. */
public final class Service implements AutoCloseable {

    static final long CLOSE_TIMEOUT_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(Service.class);

    private final Core core;
    private final ServiceMetrics metrics;
    private final Drills drills;
    private final Vertx vertx;
    private final HttpApi http;
    private final Webhooks webhooks;
    /** The provinces served besides the first, each with its own store under {@code <data>/provinces/<id>}. */
    private final java.util.List<ProvinceNode> more;

    private Service(Core core, ServiceMetrics metrics, Drills drills, Vertx vertx, HttpApi http, Webhooks webhooks,
                    java.util.List<ProvinceNode> more) {
        this.more = more;
        this.webhooks = webhooks;
        this.core = core;
        this.metrics = metrics;
        this.drills = drills;
        this.vertx = vertx;
        this.http = http;
    }

    public static Service start(CommonOptions options, Clock clock, DemoOptions demo) {
        Tokens tokens = Tokens.open(options.tokenFile(), options.bootstrapToken());
        java.util.List<borderwatch.province.Province> provinces = options.loadProvinces();
        if (provinces.size() > 1 && !(options.storeLocation() instanceof StoreLocation.Embedded)) {
            throw new IllegalArgumentException("several provinces on one node need the embedded store (--store sqlite): "
                    + "each province keeps its own store under --data");
        }
        for (int i = 0; i < provinces.size(); i++) {
            borderwatch.province.Province p = provinces.get(i);
            if (!p.predecessors().isEmpty()) {
                Path own = i == 0 ? options.dataDir() : options.dataDir().resolve("provinces").resolve(p.provinceId());
                Merges.takeIn(p, own, options.dataDir().resolve("provinces"));
            }
        }
        ServiceMetrics metrics = new ServiceMetrics();
        Core core = Core.open(options.storeLocation(), provinces.get(0), ReadModels.ALL, metrics.registry());
        metrics.bindCore(core);
        metrics.bindDataDirectory(options.dataDir(), options.storeLocation() instanceof StoreLocation.Embedded e
                ? () -> StoreBackup.lastSuccess(e.dir()) : null);
        Vertx vertx = metrics.newVertx();
        vertx.exceptionHandler(failure -> {
            if (!Fatal.check(failure)) {
                LOG.error("unhandled failure", failure);
            }
        });
        Drills drills = null;
        Webhooks webhooks = null;
        java.util.List<ProvinceNode> more = new java.util.ArrayList<>();
        try {
            Clock serviceClock = clock;
            DemoScenarios scenarios = null;
            if (demo != null) {
                serviceClock = demo.speed == 1.0 ? clock : new AcceleratedClock(clock, clock.instant(), demo.speed);
                Simulator simulator = new Simulator(core.gates(), demo.seed);
                Instant from = demo.seedHistory ? DemoSeed.seedIfEmpty(core, simulator, serviceClock)
                                                : serviceClock.instant();
                // Surges and closures made to happen from the console, after the seeded past.
                scenarios = new DemoScenarios();
                simulator.with(scenarios);
                vertx.deployVerticle(new SimulatorVerticle(simulator, core.commands(), serviceClock, from)).await();
            }
            drills = new Drills(options.dataDir(), Core::open, core.gates(), ReadModels.ALL, serviceClock);
            // The first province keeps the data directory as it always had it, so a store of one province
            // goes on unchanged when more are added; each other province has a store of its own.
            for (borderwatch.province.Province p : provinces.subList(1, provinces.size())) {
                Path dir = options.dataDir().resolve("provinces").resolve(p.provinceId());
                Core other = Core.open(dir, p, ReadModels.ALL);
                Drills otherDrills = new Drills(dir, Core::open, p, ReadModels.ALL, serviceClock);
                DemoScenarios otherScenarios = null;
                if (demo != null) {
                    Simulator simulator = new Simulator(p, demo.seed);
                    Instant from = demo.seedHistory ? DemoSeed.seedIfEmpty(other, simulator, serviceClock)
                                                    : serviceClock.instant();
                    otherScenarios = new DemoScenarios();
                    simulator.with(otherScenarios);
                    vertx.deployVerticle(new SimulatorVerticle(simulator, other.commands(), serviceClock, from)).await();
                }
                more.add(new ProvinceNode(other, otherDrills, otherScenarios, null));
            }
            HttpApi http = new HttpApi(core, drills, metrics, tokens, options.rateLimit, serviceClock, options.host,
                    options.port);
            http.withLimits(http.limits().withConnectionsPerAddress(options.maxConnectionsPerAddress));
            http.withMoreProvinces(more);
            http.withPublicBoard(options.publicBoard).withDemoScenarios(scenarios)
                    .withTrustedProxies(options.trustedProxies == null ? java.util.Set.of()
                            : java.util.Set.copyOf(options.trustedProxies.stream().map(String::strip)
                                    .filter(a -> !a.isEmpty()).toList()));
            webhooks = options.webhooks == null ? Webhooks.none(core.gates())
                    : new Webhooks(HookFile.load(options.webhooks, core.gates()), core.gates(), Clock.systemUTC(),
                            Webhooks.FIRST_RETRY, metrics.registry());
            webhooks.listenTo(core, core);
            http.withWebhooks(webhooks);
            if (!webhooks.hooks().isEmpty()) {
                LOG.info("notifying {} webhook(s): {}", webhooks.hooks().size(), webhooks.hooks());
            }
            deploy(vertx, http, options);
            if (options.publicBoard) {
                LOG.info("public wait board (no token) at http://localhost:{}/public/", http.actualPort());
            }
            if (demo != null) {
                DemoTokens.issueAndPrint(tokens, http.actualPort());
            } else if (tokens.list().isEmpty() && !tokens.acceptsBootstrap()) {
                LOG.warn("no API tokens yet: every request will be refused (401); create one with "
                        + "'token create --role admin' or set BORDERWATCH_BOOTSTRAP_TOKEN");
            }
            LOG.info("BorderWatch serving {} gates of {} on http://{}:{} (store {})", core.gates().all().size(),
                    core.gates().provinceVi(), options.host, http.actualPort(), core.storage().describe());
            for (ProvinceNode p : more) {
                LOG.info("and {} gates of {} (?province={}, store {})", p.core().gates().all().size(),
                        p.core().gates().provinceVi(), p.id(), p.core().storage().describe());
            }
            return new Service(core, metrics, drills, vertx, http, webhooks, more);
        } catch (Exception e) {
            vertx.close().await();
            for (ProvinceNode p : more) {
                p.drills().close();
                p.core().close();
            }
            if (webhooks != null) {
                webhooks.close();
            }
            if (drills != null) {
                drills.close();
            }
            metrics.close();
            core.close();
            throw e;
        }
    }

    private static void deploy(Vertx vertx, HttpApi http, CommonOptions options) {
        try {
            vertx.deployVerticle(http).await();
        } catch (Exception e) {
            // Vert.x hands the bind failure through unchanged; a busy port is a configuration mistake.
            if (e instanceof java.net.BindException) {
                throw new IllegalStateException("port " + options.port + " on " + options.host
                        + " is already in use; choose another with --port or BORDERWATCH_PORT", e);
            }
            throw e;
        }
    }

    public int port() {
        return http.actualPort();
    }

    public Core core() {
        return core;
    }

    @Override
    public void close() {
        try {
            // A stop signal must end the process even if some request never finishes; the store
            // is closed below either way, and acknowledged events are already durable.
            vertx.close().await(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("HTTP side did not stop within {} s; closing the store anyway", CLOSE_TIMEOUT_SECONDS);
        }
        webhooks.close();
        drills.close();
        core.close();
        for (ProvinceNode p : more) {
            p.drills().close();
            p.core().close();
        }
        metrics.close();
    }
}
