package borderwatch.forecast;

import borderwatch.engine.Engine;
import borderwatch.province.GateConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** Per gate: the wait of a truck joining now, and the forecast's view ahead (peak waiting, lead of a raised level); the warnings' track record. */
final class ForecastMeters {

    private ForecastMeters() {
    }

    private static double share(Engine node, Clock clock, int days, boolean warned) {
        TrackRecord.Score overall = node.live().query(m -> TrackRecord.window(m, clock.instant(), days)).overall();
        Double share = warned ? overall.warnedShare() : overall.falseShare();
        return share == null ? Double.NaN : share;
    }

    static void bind(MeterRegistry registry, Engine node, Clock clock, LiveForecast forecast) {
        // The track record over each window, province-wide; NaN while there is nothing to judge.
        for (int days : TrackRecord.WINDOWS) {
            String window = days + "d";
            Gauge.builder("borderwatch.forecast.episodes.warned", node, n -> share(n, clock, days, true))
                 .description("share of alert episodes with a warning in force at least an hour before they began")
                 .baseUnit("ratio").tag("window", window).register(registry);
            Gauge.builder("borderwatch.forecast.warnings.false", node, n -> share(n, clock, days, false))
                 .description("share of alert-level warnings whose level did not come within the horizon")
                 .baseUnit("ratio").tag("window", window).register(registry);
            Gauge.builder("borderwatch.forecast.warning.lead.median", node, n -> {
                Long minutes = n.live().query(m -> TrackRecord.window(m, clock.instant(), days)).overall().medianLeadMinutes();
                return minutes == null ? Double.NaN : minutes * 60.0;
            }).description("median time from a warning to the alert episode it warned of").baseUnit("seconds")
                 .tag("window", window).register(registry);
        }
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
