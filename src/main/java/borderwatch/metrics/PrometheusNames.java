package borderwatch.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Keeps every meter within Prometheus' naming rules, as {@code promtool check metrics} enforces
 * them: Axon names its meters in camelCase, with the meter type in the name and no description
 * ({@code commandBus.successCounter}, {@code commandBus.successTimer}); they become
 * {@code command_bus_success_total} and {@code command_bus_success_duration_seconds} with a help
 * text. Micrometer's
 * {@code system.cpu.count} gauge would read as a histogram's count, so it is named for what it is.
 * Every name carries its unit: shares of a whole ({@code process.cpu.usage}, an Axon processor's
 * {@code capacity}) end in {@code _ratio}. An Axon processor's {@code latency} gauge is left out
 * (see {@link ServiceMetrics}): it counts milliseconds, which no filter can turn into the seconds a
 * Prometheus name promises, and {@code borderwatch_projection_lag_events} says how far behind a node is.
 *
 * <p>Every timer and distribution summary is published as a histogram with buckets, not as a
 * summary with quantiles worked out on each node: buckets add up across nodes, quantiles do not.
 */
final class PrometheusNames implements MeterFilter {

    @Override
    public Meter.Id map(Meter.Id id) {
        String name = id.getName().equals("system.cpu.count") ? "system.cpu.logical"
                : id.getName().replaceAll("Counter$", "").replaceAll("Timer$", "Duration")
                        .replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
        String description = id.getDescription() != null ? id.getDescription()
                : "Axon Framework " + id.getName() + " (" + id.getType().name().toLowerCase() + ")";
        if (name.equals(id.getName()) && description.equals(id.getDescription())
                && java.util.Objects.equals(unitOf(name, id.getBaseUnit()), id.getBaseUnit())) {
            return id;
        }
        return new Meter.Id(name, Tags.of(id.getTagsAsIterable()), unitOf(name, id.getBaseUnit()), description,
                id.getType());
    }

    private static String unitOf(String name, String unit) {
        if (unit != null) {
            return unit;
        }
        if (name.endsWith(".capacity") || name.endsWith("cpu.usage")) {
            return "ratio";
        }
        return null;
    }

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() == Meter.Type.TIMER) {
            return DistributionStatisticConfig.builder().percentilesHistogram(true)
                    .minimumExpectedValue((double) java.time.Duration.ofMillis(1).toNanos())
                    .maximumExpectedValue((double) java.time.Duration.ofSeconds(60).toNanos())
                    .build().merge(config);
        }
        if (id.getType() == Meter.Type.DISTRIBUTION_SUMMARY) {
            return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
        }
        return config;
    }
}
