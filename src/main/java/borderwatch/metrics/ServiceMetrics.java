package borderwatch.metrics;

import borderwatch.board.LiveFeed;
import borderwatch.congestion.Congestion;
import borderwatch.core.Core;
import borderwatch.forecast.ExpectedWait;
import borderwatch.forecast.LiveForecast;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.province.GateConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The service's meters in one Prometheus registry: JVM binders, Vert.x and Axon (wired where those
 * are built), and the domain: what the live board has taken in per gate and direction, queues,
 * levels, plans in effect, projection lag, store append time and WebSocket viewers. Only the real
 * core is bound here; drills and replays have cores and feeds of their own and never count.
 */
public final class ServiceMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Instant> lastReport = new ConcurrentHashMap<>();
    private Path dataDir;
    private Supplier<Optional<Instant>> lastBackup = Optional::empty;
    private volatile Clock clock = Clock.systemUTC();
    private List<String> gateIds = List.of();
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ServiceMetrics() {
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")));
        // Axon's processor latency is in milliseconds; a gauge cannot be rescaled to the seconds its
        // Prometheus name would have to promise, and the projection lag in events tells the same.
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().endsWith(".latency")
                && id.getType() == io.micrometer.core.instrument.Meter.Type.GAUGE));
        registry.config().meterFilter(new PrometheusNames());
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** A Vert.x whose HTTP, WebSocket, event-bus and pool meters report to this registry. */
    public Vertx newVertx() {
        return Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    public void bindCore(Core core) {
        Counter projected = Counter.builder("borderwatch.events.projected")
                .description("events applied to the live board since start").register(registry);
        core.onChange(event -> {
            projected.increment();
            if (event instanceof GateReport r) {
                lastReport.merge(r.gate(), r.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
            if (event instanceof VehiclesCleared v) {
                counter("borderwatch.vehicles.cleared", null, v.gate(), v.direction().name(), v.goods()).increment(v.vehicles());
            } else if (event instanceof TurnoverRecorded t) {
                counter("borderwatch.turnover", "usd", t.gate(), t.direction().name(), t.goods()).increment(t.usdCents() / 100.0);
            }
        });
        gateIds = core.gates().all().stream().map(GateConfig::id).toList();
        for (GateConfig g : core.gates().all()) {
            gauge("borderwatch.gate.waiting", "vehicles waiting at the last queue report", g.id(), core,
                    c -> c.live().query(m -> Congestion.of(m).queue(g.id()).waiting()));
            Gauge.builder("borderwatch.gate.last.report.age", core, c -> lastReportAge(c, g.id())).baseUnit("seconds")
                 .description("time since the gate's latest report (by its own time); NaN before the first")
                 .tag("gate", g.id()).register(registry);
            gauge("borderwatch.gate.congestion.level", "0 normal, then the configured levels", g.id(), core,
                    c -> c.live().query(m -> Congestion.of(m).level(g.id())));
            gauge("borderwatch.gate.response.plan.level", "level of the response plan in effect, 0 for none", g.id(),
                    core, c -> c.live().query(m -> Congestion.of(m).activeResponsePlan(g.id()).map(p -> p.level()).orElse(0)));
            Gauge.builder("borderwatch.gate.expected.wait", core, c -> c.live().query(m -> {
                        Integer minutes = ExpectedWait.of(m, g.id(), clock.instant()).minutes();
                        return minutes == null ? Double.NaN : minutes * 60.0;
                    })).baseUnit("seconds").description("wait of a truck joining the queue now; NaN without a recent queue report")
                    .tag("gate", g.id()).register(registry);
        }
        Gauge.builder("borderwatch.response.plans.active", core, c -> c.live().query(m -> core.gates().all().stream()
                        .filter(g -> Congestion.of(m).activeResponsePlan(g.id()).isPresent()).count()))
             .description("gates with a response plan in effect").register(registry);
        // /health/ready as a figure, so the alert on a node that answers but is not ready needs no prober.
        Gauge.builder("borderwatch.ready", core, c -> c.ready() ? 1 : 0)
             .description("1 when the node is ready for traffic (as /health/ready answers 200), else 0").register(registry);
        Gauge.builder("borderwatch.projection.lag", core, Core::projectionLag)
             .baseUnit("events").description("events stored but not yet on the live board").register(registry);
        var appends = io.micrometer.core.instrument.Timer.builder("borderwatch.store.append")
                .description("time to append and commit one unit of work durably")
                .publishPercentileHistogram().register(registry);
        core.storage().onAppend(nanos -> appends.record(nanos, TimeUnit.NANOSECONDS));
    }

    /** The service's clock (a demo may run faster than the wall clock), for ages and waits. */
    public void useClock(Clock serviceClock) {
        this.clock = serviceClock;
    }

    /**
     * The file system holding {@code dir} (free and total bytes) and, where the store has backups of
     * its own making ({@code lastBackup} not null), when the last checked one was made (0 when never),
     * for the disk and backup alerts.
     */
    public void bindDataDirectory(Path dir, Supplier<Optional<Instant>> lastBackup) {
        // Gauges hold their object weakly: the directory is kept here, the gauges read it through this.
        this.dataDir = dir;
        Gauge.builder("borderwatch.data.disk.free", this, m -> m.dataDir.toFile().getUsableSpace()).baseUnit("bytes")
             .description("space left for the data directory; 0 also when it is gone").register(registry);
        Gauge.builder("borderwatch.data.disk.size", this, m -> m.dataDir.toFile().getTotalSpace()).baseUnit("bytes")
             .description("size of the file system holding the data directory").register(registry);
        if (lastBackup != null) {
            this.lastBackup = lastBackup;
            Gauge.builder("borderwatch.backup.last.success.timestamp", this,
                            m -> m.lastBackup.get().map(t -> t.toEpochMilli() / 1000.0).orElse(0.0))
                 .baseUnit("seconds").description("when the last checked backup was made; 0 when never")
                 .register(registry);
        }
    }

    /** The forecast's view ahead per gate: peak waiting and minutes until a level above today's is forecast. */
    public void bindForecast(LiveForecast forecast) {
        for (String gate : gateIds) {
            Gauge.builder("borderwatch.gate.forecast.peak.waiting", forecast, f -> {
                var g = f.latest().get(gate);
                return g == null ? Double.NaN : g.peakWaiting();
            }).description("highest waiting forecast over the next 12 hours").tag("gate", gate).register(registry);
            Gauge.builder("borderwatch.gate.forecast.warning.lead", forecast, f -> {
                var g = f.latest().get(gate);
                return g == null || g.warning() == null ? Double.NaN : g.warning().minutesAhead() * 60.0;
            }).baseUnit("seconds").description("time until a raised level is forecast; NaN when none is")
                    .tag("gate", gate).register(registry);
        }
    }

    public void bindLiveFeed(LiveFeed feed) {
        Gauge.builder("borderwatch.websocket.sessions", feed, LiveFeed::clientCount)
             .description("live board viewers connected to this node").register(registry);
    }

    /** The latest report seen since start, or the last queue report the read model kept (a checkpoint start sees no older event). */
    private double lastReportAge(Core core, String gate) {
        Instant seen = lastReport.get(gate);
        Instant queued = core.live().query(m -> Congestion.of(m).queue(gate).observedAt());
        Instant latest = seen == null ? queued : queued == null || seen.isAfter(queued) ? seen : queued;
        // A report stamped a little ahead of this clock is not older than none.
        return latest == null ? Double.NaN : Math.max(0, Duration.between(latest, clock.instant()).toMillis() / 1000.0);
    }

    /** {@code goods} is the report's goods group; unclassified reports carry {@code goods="none"}. */
    private Counter counter(String name, String unit, String gate, String direction, String goods) {
        String group = goods == null ? "none" : goods;
        return counters.computeIfAbsent(name + "|" + gate + "|" + direction + "|" + group, k -> Counter.builder(name).baseUnit(unit)
                .description(unit == null ? "vehicles cleared onto the live board since start"
                        : "turnover recorded onto the live board since start, USD")
                .tags(Tags.of("gate", gate, "direction", direction.toLowerCase(), "goods", group)).register(registry));
    }

    private void gauge(String name, String description, String gate, Core core, ToDoubleFunction<Core> value) {
        Gauge.builder(name, core, value).description(description).tag("gate", gate).register(registry);
    }

    public void close() {
        gc.close();
        registry.close();
    }
}
