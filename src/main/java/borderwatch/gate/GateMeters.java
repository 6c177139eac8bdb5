package borderwatch.gate;

import borderwatch.readmodel.FeedSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** What the live board has taken in since start, per gate, direction and goods group. */
final class GateMeters {

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    private GateMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    static void bind(MeterRegistry registry, FeedSource feed, Consumer<Runnable> onStop) {
        GateMeters meters = new GateMeters(registry);
        onStop.accept(feed.onChange(meters::count));
    }

    private void count(Object event) {
        if (event instanceof GateReport.VehiclesCleared v) {
            counter("borderwatch.vehicles.cleared", null, v.gate(), v.direction().name(), v.goods()).increment(v.vehicles());
        } else if (event instanceof GateReport.TurnoverRecorded t) {
            counter("borderwatch.turnover", "usd", t.gate(), t.direction().name(), t.goods()).increment(t.usdCents() / 100.0);
        }
    }

    /** {@code goods} is the report's goods group; unclassified reports carry {@code goods="none"}. */
    private Counter counter(String name, String unit, String gate, String direction, String goods) {
        String group = goods == null ? "none" : goods;
        return counters.computeIfAbsent(name + "|" + gate + "|" + direction + "|" + group, k -> Counter.builder(name).baseUnit(unit)
                .description(unit == null ? "vehicles cleared onto the live board since start"
                        : "turnover recorded onto the live board since start, USD")
                .tags(Tags.of("gate", gate, "direction", direction.toLowerCase(), "goods", group)).register(registry));
    }
}
