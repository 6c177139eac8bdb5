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
import borderwatch.service.StartingResponder;
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
        boolean embedded = options.storeLocation() instanceof StoreLocation.Embedded;
        if (!embedded && provinces.stream().anyMatch(p -> !p.predecessors().isEmpty())) {
            throw new IllegalArgumentException("a province with predecessors takes in their embedded stores at start; "
                    + "on KurrentDB that is not done yet: serve the merged province on the embedded store, or without "
                    + "predecessors");
        }
        ProvinceStores stores = ProvinceStores.at(options.dataDir(), provinces);
        for (borderwatch.province.Province p : provinces) {
            if (!p.predecessors().isEmpty()) {
                Merges.takeIn(p, stores);
            }
        }
        CoreOpening opening = CoreOpening.prepare(provinces, options);
        ServiceMetrics metrics = new ServiceMetrics();
        Vertx vertx = metrics.newVertx();
        // Alive, not ready, while the stores are folded: a node catching up on years is not a dead one.
        // A busy port or an unreadable token file is said before any store is opened, not after a fold.
        StartingResponder starting;
        Core core;
        try {
            starting = StartingResponder.listen(vertx, options.host, options.port);
        } catch (RuntimeException e) {
            opening.abandon();
            vertx.close().await();
            metrics.close();
            throw e;
        }
        try {
            opening.start(metrics);
        } catch (RuntimeException e) {
            opening.abandon();
            starting.close();
            vertx.close().await();
            metrics.close();
            throw e;
        }
        java.util.List<Core> others;
        try {
            java.util.List<Core> cores = opening.cores();
            core = cores.get(0);
            others = cores.subList(1, cores.size());
        } catch (RuntimeException e) {
            starting.close();
            vertx.close().await();
            metrics.close();
            throw e;
        }
        if (embedded) {
            stores.remember();
        }
        metrics.bindCore(core);
        metrics.bindDataDirectory(options.dataDir(), options.storeLocation() instanceof StoreLocation.Embedded e
                ? () -> StoreBackup.lastSuccess(e.dir()) : null);
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
            drills = new Drills(stores.dirOf(core.gates().provinceId()), Core::open, core.gates(), ReadModels.ALL, serviceClock);
            // The data directory's own store stays with the province it belongs to, so a store of one
            // province goes on unchanged when more are added; each other province has a store of its own.
            for (Core other : others) {
                borderwatch.province.Province p = other.gates();
                Path dir = stores.dirOf(p.provinceId());
                metrics.bindCore(other);
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
            http.withPublicBoard(options.publicBoard).withDemoScenarios(scenarios)
                    .withTrustedProxies(options.trustedProxies == null ? java.util.Set.of()
                            : java.util.Set.copyOf(options.trustedProxies.stream().map(String::strip)
                                    .filter(a -> !a.isEmpty()).toList()));
            java.util.List<borderwatch.notify.Hook> hooks = options.webhooks == null ? java.util.List.of()
                    : HookFile.load(options.webhooks, provinces);
            webhooks = hooksOf(hooks, core, metrics);
            http.withWebhooks(webhooks);
            for (int i = 0; i < more.size(); i++) {
                ProvinceNode p = more.get(i);
                more.set(i, new ProvinceNode(p.core(), p.drills(), p.scenarios(), hooksOf(hooks, p.core(), metrics)));
            }
            http.withMoreProvinces(more);
            if (!hooks.isEmpty()) {
                LOG.info("notifying {} webhook(s): {}", hooks.size(), hooks);
            }
            starting.close();
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
            starting.close();
            vertx.close().await();
            for (Core other : others) {
                if (more.stream().noneMatch(p -> p.core() == other)) {
                    other.close();
                }
            }
            for (ProvinceNode p : more) {
                if (p.webhooks() != null) {
                    p.webhooks().close();
                }
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

    /** The hooks that listen to {@code core}'s province, sending from its store's events. */
    private static Webhooks hooksOf(java.util.List<borderwatch.notify.Hook> all, Core core, ServiceMetrics metrics) {
        java.util.List<borderwatch.notify.Hook> own = all.stream().filter(h -> h.listensTo(core.gates().provinceId())).toList();
        Webhooks hooks = own.isEmpty() ? Webhooks.none(core.gates())
                : new Webhooks(own, core.gates(), Clock.systemUTC(), Webhooks.FIRST_RETRY,
                        metrics.forProvince(core.gates().provinceId()));
        hooks.listenTo(core, core);
        return hooks;
    }

    private static void deploy(Vertx vertx, HttpApi http, CommonOptions options) {
        try {
            vertx.deployVerticle(http).await();
        } catch (Exception e) {
            // Vert.x hands the bind failure through unchanged; a busy port is a configuration mistake.
            if (e instanceof java.net.BindException) {
                throw StartingResponder.portInUse(options.host, options.port, e);
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
            if (p.webhooks() != null) {
                p.webhooks().close();
            }
            p.drills().close();
            p.core().close();
        }
        metrics.close();
    }
}
