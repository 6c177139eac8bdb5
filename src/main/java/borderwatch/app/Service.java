package borderwatch.app;

import borderwatch.sim.AcceleratedClock;
import borderwatch.sim.DemoSeed;
import borderwatch.sim.Simulator;
import borderwatch.sim.SimulatorVerticle;
import borderwatch.web.HttpApi;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service: core, HTTP API and, in demo mode, the simulator. */
public final class Service implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Service.class);

    private final Core core;
    private final Vertx vertx;
    private final HttpApi http;

    private Service(Core core, Vertx vertx, HttpApi http) {
        this.core = core;
        this.vertx = vertx;
        this.http = http;
    }

    public static Service start(CommonOptions options, Clock clock, DemoOptions demo) {
        options.requireSupportedStore();
        Core core = Core.open(options.dataDir(), options.loadGates());
        Vertx vertx = Vertx.vertx();
        try {
            Clock serviceClock = clock;
            if (demo != null) {
                serviceClock = demo.speed == 1.0 ? clock : new AcceleratedClock(clock, clock.instant(), demo.speed);
                Simulator simulator = new Simulator(core.gates().all(), demo.seed);
                Instant from = demo.seedHistory ? DemoSeed.seedIfEmpty(core, simulator, serviceClock)
                                                : serviceClock.instant();
                vertx.deployVerticle(new SimulatorVerticle(simulator, core.commands(), serviceClock, from)).await();
            }
            HttpApi http = new HttpApi(core, serviceClock, options.host, options.port);
            vertx.deployVerticle(http).await();
            LOG.info("BorderWatch serving {} gates of {} on http://{}:{} (store {})", core.gates().all().size(),
                    core.gates().provinceVi(), options.host, http.actualPort(), core.storage().describe());
            return new Service(core, vertx, http);
        } catch (RuntimeException e) {
            vertx.close().await();
            core.close();
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
        vertx.close().await();
        core.close();
    }
}
