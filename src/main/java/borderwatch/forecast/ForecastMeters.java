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

    /**
     * The track record, worked out once for all its gauges and windows and kept for
     * {@link #RECORD_KEPT}: a scrape reads six figures of it, and each would otherwise score every
     * warning and level again.
     */
    private static final class Records {
        private final Engine node;
        private final Clock clock;
        private java.util.List<TrackRecord.Window> windows;
        private long madeAt = Long.MIN_VALUE;

        Records(Engine node, Clock clock) {
            this.node = node;
            this.clock = clock;
        }

        synchronized TrackRecord.Score overall(int days) {
            long now = System.nanoTime();
            if (windows == null || now - madeAt > RECORD_KEPT.toNanos()) {
                windows = node.live().query(m -> TrackRecord.of(m, clock.instant()));
                madeAt = now;
            }
            return windows.stream().filter(w -> w.days() == days).findFirst().orElseThrow().overall();
        }
    }

    static final java.time.Duration RECORD_KEPT = java.time.Duration.ofSeconds(30);

    private static double orNaN(Number n) {
        return n == null ? Double.NaN : n.doubleValue();
    }

    static void bind(MeterRegistry registry, Engine node, Clock clock, LiveForecast forecast) {
        // The track record over each window, province-wide; NaN while there is nothing to judge.
        Records records = new Records(node, clock);
        for (int days : TrackRecord.WINDOWS) {
            String window = days + "d";
            Gauge.builder("borderwatch.forecast.episodes.warned", records, r -> orNaN(r.overall(days).warnedShare()))
                 .description("share of alert episodes with a warning in force at least an hour before they began")
                 .baseUnit("ratio").tag("window", window).strongReference(true).register(registry);
            Gauge.builder("borderwatch.forecast.warnings.false", records, r -> orNaN(r.overall(days).falseShare()))
                 .description("share of alert-level warnings whose level did not come within the horizon")
                 .baseUnit("ratio").tag("window", window).strongReference(true).register(registry);
            Gauge.builder("borderwatch.forecast.warning.lead.median", records, r -> {
                Long minutes = r.overall(days).medianLeadMinutes();
                return minutes == null ? Double.NaN : minutes * 60.0;
            }).description("median time from a warning to the alert episode it warned of").baseUnit("seconds")
                 .tag("window", window).strongReference(true).register(registry);
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
