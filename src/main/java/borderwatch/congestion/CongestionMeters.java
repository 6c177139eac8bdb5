package borderwatch.congestion;

import borderwatch.engine.Node;
import borderwatch.gate.GateReport;
import borderwatch.province.GateConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/** Per gate: the queue, the level, the plan in effect and how old its latest report is; plans in effect overall. */
final class CongestionMeters {

    private final Node node;
    private final Clock clock;
    private final ConcurrentHashMap<String, Instant> lastReport = new ConcurrentHashMap<>();

    private CongestionMeters(Node node, Clock clock) {
        this.node = node;
        this.clock = clock;
    }

    static void bind(MeterRegistry registry, Node node, Clock clock, Consumer<Runnable> onStop) {
        CongestionMeters meters = new CongestionMeters(node, clock);
        onStop.accept(node.onChange(event -> {
            if (event instanceof GateReport r) {
                meters.lastReport.merge(r.gate(), r.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }));
        for (GateConfig g : node.gates().all()) {
            gauge(registry, "borderwatch.gate.waiting", "vehicles waiting at the last queue report", g.id(), node,
                    n -> n.live().query(m -> Congestion.of(m).queue(g.id()).waiting()));
            Gauge.builder("borderwatch.gate.last.report.age", meters, m -> m.lastReportAge(g.id())).baseUnit("seconds")
                 .description("time since the gate's latest report (by its own time); NaN before the first")
                 .tag("gate", g.id()).register(registry);
            gauge(registry, "borderwatch.gate.congestion.level", "0 normal, then the configured levels", g.id(), node,
                    n -> n.live().query(m -> Congestion.of(m).level(g.id())));
            gauge(registry, "borderwatch.gate.response.plan.level", "level of the response plan in effect, 0 for none",
                    g.id(), node, n -> n.live().query(m -> Congestion.of(m).activeResponsePlan(g.id())
                            .map(p -> p.level()).orElse(0)));
        }
        Gauge.builder("borderwatch.response.plans.active", node, n -> n.live().query(m -> n.gates().all().stream()
                        .filter(g -> Congestion.of(m).activeResponsePlan(g.id()).isPresent()).count()))
             .description("gates with a response plan in effect").register(registry);
    }

    /** The latest report seen since start, or the last queue report the read model kept (a checkpoint start sees no older event). */
    private double lastReportAge(String gate) {
        Instant seen = lastReport.get(gate);
        Instant queued = node.live().query(m -> Congestion.of(m).queue(gate).observedAt());
        Instant latest = seen == null ? queued : queued == null || seen.isAfter(queued) ? seen : queued;
        // A report stamped a little ahead of this clock is not older than none.
        return latest == null ? Double.NaN : Math.max(0, Duration.between(latest, clock.instant()).toMillis() / 1000.0);
    }

    private static void gauge(MeterRegistry registry, String name, String description, String gate, Node node,
                              ToDoubleFunction<Node> value) {
        Gauge.builder(name, node, value).description(description).tag("gate", gate).register(registry);
    }
}
