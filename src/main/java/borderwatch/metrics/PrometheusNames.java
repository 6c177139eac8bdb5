package borderwatch.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Keeps every meter within Prometheus' naming rules, as {@code promtool check metrics} enforces
 * them: Axon names its meters in camelCase, with the meter type in the name and no description
 * ({@code commandBus.successCounter}, {@code commandBus.successTimer}); they become
 * {@code command_bus_success_total} and {@code command_bus_success_duration_seconds} with a help
 * text. Micrometer's
 * {@code system.cpu.count} gauge would read as a histogram's count, so it is named for what it is.
 */
final class PrometheusNames implements MeterFilter {

    @Override
    public Meter.Id map(Meter.Id id) {
        String name = id.getName().equals("system.cpu.count") ? "system.cpu.logical"
                : id.getName().replaceAll("Counter$", "").replaceAll("Timer$", "Duration")
                        .replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
        String description = id.getDescription() != null ? id.getDescription()
                : "Axon Framework " + id.getName() + " (" + id.getType().name().toLowerCase() + ")";
        if (name.equals(id.getName()) && description.equals(id.getDescription())) {
            return id;
        }
        return new Meter.Id(name, Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description, id.getType());
    }
}
