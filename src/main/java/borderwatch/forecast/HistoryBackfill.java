package borderwatch.forecast;

import borderwatch.engine.Engine;
import borderwatch.gate.GateReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backtests an imported history once it has arrived, so the service's track record covers it from the
 * day it is imported. A gate report stored more than {@link #LATE} after its own time is history; once
 * no such report has come for {@link #QUIET} (the import is over), the live forecaster and warning rule
 * are run over the period the late reports span, exactly as {@code backtest} runs them, and what they
 * would have warned is recorded on each gate's warning stream ({@link WarningEvent.HistoryBacktested}).
 * Reports stored while the node catches up with its own store at start are not news and are not looked at.
 */
final class HistoryBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryBackfill.class);

    /** A report this much older than its arrival is history, not a late live report. */
    static final Duration LATE = Duration.ofDays(1);
    /** An import is taken as over when no history has arrived for this long. */
    static final Duration QUIET = Duration.ofMinutes(1);
    static final Duration STEP = Duration.ofMinutes(15);

    private final Engine engine;
    private final Clock clock;
    private final LongSupplier nanos;
    private Instant first;
    private Instant last;
    private final TreeSet<String> gates = new TreeSet<>();
    private long lastArrival;
    private volatile boolean caughtUp;

    /** {@code nanos}: the monotonic time the quiet period is measured by. */
    HistoryBackfill(Engine engine, Clock clock, LongSupplier nanos) {
        this.engine = engine;
        this.clock = clock;
        this.nanos = nanos;
    }

    /** From now on, a stored report is news (the node has folded what its store held when it started). */
    void caughtUp() {
        caughtUp = true;
    }

    /** Told of each event the live read model folds; must not block. */
    void stored(Object event) {
        if (!caughtUp || !(event instanceof GateReport r) || !r.at().isBefore(clock.instant().minus(LATE))) {
            return;
        }
        synchronized (this) {
            first = first == null || r.at().isBefore(first) ? r.at() : first;
            last = last == null || r.at().isAfter(last) ? r.at() : last;
            gates.add(r.gate());
            lastArrival = nanos.getAsLong();
        }
    }

    /** The history waiting to be backtested, taken if its import looks over; null otherwise. */
    synchronized Period due() {
        if (first == null || nanos.getAsLong() - lastArrival < QUIET.toNanos()) {
            return null;
        }
        Instant from = first.truncatedTo(ChronoUnit.MINUTES);
        Instant to = last.isAfter(from) ? last : from.plus(STEP);
        Period p = new Period(from, to, List.copyOf(gates));
        first = null;
        last = null;
        gates.clear();
        return p;
    }

    /** A span of late reports and the gates they came from. */
    record Period(Instant from, Instant to, List<String> gates) {
    }

    /** Blocking: backtests what is due, if anything, and records it; returns the period done or null. */
    Period runDue() {
        Period p = due();
        if (p == null) {
            return null;
        }
        long started = System.nanoTime();
        Map<String, List<WarningEvent.Backtested>> said = new HashMap<>();
        p.gates().forEach(g -> said.put(g, new ArrayList<>()));
        Backtest.run(engine.storage(), engine.live().blank(), new Backtest.Options(p.from(), p.to(), STEP, p.gates()),
                step -> { }, new Backtest.Output() {
                    @Override
                    public void forecast(Forecaster.GateForecast forecast) {
                    }

                    @Override
                    public void warning(Backtest.WarningRecord w) {
                        said.get(w.gate()).add(new WarningEvent.Backtested(w.level(), w.levelId(), w.issuedAt(),
                                w.expectedAt(), w.endedAt(), w.reason()));
                    }

                    @Override
                    public void level(Backtest.LevelRecord level) {
                    }
                });
        Instant at = clock.instant();
        for (String gate : p.gates()) {
            engine.commands().sendAndWait(new GateWarnings.RecordBacktest(GateWarnings.idOf(gate), gate, p.from(), p.to(),
                    said.get(gate), UUID.randomUUID().toString(), at));
        }
        LOG.info("imported history {} … {} backtested at {} in {} ms", p.from(), p.to(), p.gates(),
                (System.nanoTime() - started) / 1_000_000);
        return p;
    }
}
