package borderwatch.forecast;

import borderwatch.engine.Engine;
import borderwatch.province.GateConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** Per gate: the wait of a truck joining now, and the forecast's view ahead (peak waiting, lead of a raised level). */
final class ForecastMeters {

    private ForecastMeters() {
    }

    static void bind(MeterRegistry registry, Engine node, Clock clock, LiveForecast forecast) {
        for (GateConfig g : node.gates().all()) {
            String gate = g.id();
            Gauge.builder("borderwatch.gate.expected.wait", node, n -> n.live().query(m -> {
                        Integer minutes = ExpectedWait.of(m, gate, clock.instant()).minutes();
                        return minutes == null ? Double.NaN : minutes * 60.0;
                    })).baseUnit("seconds").description("wait of a truck joining the queue now; NaN without a recent queue report")
                    .tag("gate", gate).register(registry);
            Gauge.builder("borderwatch.gate.forecast.peak.waiting", forecast, f -> {
                var latest = f.latest().get(gate);
                return latest == null ? Double.NaN : latest.peakWaiting();
            }).description("highest waiting forecast over the next 12 hours").tag("gate", gate).register(registry);
            Gauge.builder("borderwatch.gate.forecast.warning.lead", forecast, f -> {
                var latest = f.latest().get(gate);
                return latest == null || latest.warning() == null ? Double.NaN : latest.warning().minutesAhead() * 60.0;
            }).baseUnit("seconds").description("time until a raised level is forecast; NaN when none is")
                    .tag("gate", gate).register(registry);
        }
    }
}
