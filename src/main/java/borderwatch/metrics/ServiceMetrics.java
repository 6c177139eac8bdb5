package borderwatch.metrics;

import borderwatch.core.Core;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The service's meters in one Prometheus registry: JVM binders, Vert.x and Axon (wired where those
 * are built), the node's own (projection lag, readiness, store append time), and the features' meters,
 * which each feature binds as it starts, tagged with their province. Only the real cores are bound here; drills and replays have
 * cores and feeds of their own and never count.
 */
public final class ServiceMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private Path dataDir;
    private Supplier<Optional<Instant>> lastBackup = Optional::empty;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final java.util.Map<String, MeterRegistry> byProvince = new java.util.concurrent.ConcurrentHashMap<>();

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

    /**
     * Where one province's meters go: the same registry, each meter tagged {@code province}, so two
     * provinces on one node keep apart figures that share a name (a gate's level, the store's append
     * time, Axon's processors). Vert.x and JVM meters are the node's and carry no province.
     */
    public MeterRegistry forProvince(String provinceId) {
        return byProvince.computeIfAbsent(provinceId, id -> {
            CompositeMeterRegistry tagged = new CompositeMeterRegistry();
            tagged.config().commonTags("province", id);
            tagged.add(registry);
            return tagged;
        });
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * The node's own figures: events folded since start, readiness, projection lag and store append
     * time. Each feature binds its own meters when it starts on the HTTP server.
     */
    public void bindCore(Core core) {
        MeterRegistry registry = forProvince(core.gates().provinceId());
        Counter projected = Counter.builder("borderwatch.events.projected")
                .description("events applied to the live board since start").register(registry);
        core.onChange(event -> projected.increment());
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

    public void close() {
        gc.close();
        registry.close();
    }
}
