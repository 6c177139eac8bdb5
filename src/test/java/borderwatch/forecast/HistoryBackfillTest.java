package borderwatch.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.service.ReadModels;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An imported history is backtested once, when its import is over, and the track record judges the
 * imported period on what the warning rule said over it: the same warnings a {@code backtest} of the
 * period gives.
 */
class HistoryBackfillTest {

    static final Instant START = Instant.parse("2026-03-01T17:00:00Z");
    static final int DAYS = 12;
    static final Instant NOW = START.plus(Duration.ofDays(DAYS + 5));

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void anImportedHistoryIsBacktestedOnceItsImportIsOverAndJudgedByIt() throws Exception {
        Province province = BacktestWorldsTest.province(dir, true);
        try (Core core = Core.open(dir.resolve("store"), province, ReadModels.ALL)) {
            HistoryBackfill backfill = new HistoryBackfill(core, Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);
            core.onChange(backfill::stored);
            backfill.caughtUp();
            List<RecordGateEvents> batches = new ArrayList<>();
            new BorderWorld(province, 41, LocalTime.of(7, 0), LocalTime.of(19, 0), 0.85, List.of())
                    .play(START, DAYS, batches::add);
            for (RecordGateEvents batch : batches) {
                core.commands().sendAndWait(batch);
                nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            }
            core.whenHeadProjected().get();
            assertThat(backfill.runDue()).as("nothing is backtested while the import goes on").isNull();
            nanos.addAndGet(HistoryBackfill.QUIET.toNanos());
            HistoryBackfill.Period done = backfill.runDue();
            assertThat(done).isNotNull();
            assertThat(done.gates()).containsExactlyInAnyOrderElementsOf(province.all().stream().map(g -> g.id()).toList());
            assertThat(done.from()).isBefore(START.plus(Duration.ofMinutes(16)));
            assertThat(done.to()).isAfter(START.plus(Duration.ofDays(DAYS)).minus(Duration.ofMinutes(16)));
            assertThat(backfill.runDue()).as("backtested once").isNull();
            core.whenHeadProjected().get();

            // The same period backtested by hand says the same.
            List<Backtest.WarningRecord> byHand = new ArrayList<>();
            Backtest.run(core.storage(), new ReadModel(province, ReadModels.ALL),
                    new Backtest.Options(done.from(), done.to(), HistoryBackfill.STEP, done.gates()), p -> { },
                    new Backtest.Output() {
                        public void forecast(Forecaster.GateForecast f) { }

                        public void warning(Backtest.WarningRecord w) {
                            byHand.add(w);
                        }

                        public void level(Backtest.LevelRecord l) { }
                    });
            List<WarningLog.Warning> recorded = core.live().query(m -> province.all().stream()
                    .flatMap(g -> WarningLog.of(m).judged(g.id(), NOW).stream()).toList());
            assertThat(recorded).hasSize(byHand.size()).isNotEmpty();
            assertThat(recorded.stream().map(w -> w.issuedAt() + " " + w.level() + " " + w.reason()).sorted().toList())
                    .isEqualTo(byHand.stream().map(w -> w.issuedAt() + " " + w.level() + " " + w.reason()).sorted().toList());

            TrackRecord.Window window = core.live().query(m -> TrackRecord.of(m, NOW)).get(0);
            assertThat(window.days()).isEqualTo(30);
            assertThat(window.backtested()).hasSize(province.all().size());
            assertThat(window.overall().alertEpisodes()).as("the imported period's alert episodes").isGreaterThan(3);
            assertThat(window.overall().warnedAnHourAhead()).isGreaterThan(0);
            assertThat(window.overall().alertWarnings()).isEqualTo((int) byHand.stream().filter(w -> w.level() >= 2).count());
            // Nothing was said live: the warnings in force are untouched by the backtest.
            WarningLog.Warning inForce = core.live().query(m -> WarningLog.of(m).open("tan-thanh"));
            assertThat(inForce).isNull();
        }
    }

    @Test
    void aLiveReportAndWhatTheStoreHeldAtStartAreNotHistory() throws Exception {
        Province province = Province.defaults();
        try (Core core = Core.open(dir.resolve("live"), province, ReadModels.ALL)) {
            HistoryBackfill backfill = new HistoryBackfill(core, Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);
            core.onChange(backfill::stored);
            core.commands().sendAndWait(new RecordGateEvents(List.of(new GateReport.QueueObserved("old", "tan-thanh", 40,
                    0.2, NOW.minus(Duration.ofDays(20))))));
            core.whenHeadProjected().get();
            backfill.caughtUp();
            core.commands().sendAndWait(new RecordGateEvents(List.of(new GateReport.QueueObserved("late-by-hours",
                    "tan-thanh", 40, 0.2, NOW.minus(Duration.ofHours(5))))));
            core.whenHeadProjected().get();
            nanos.addAndGet(HistoryBackfill.QUIET.toNanos() * 2);
            assertThat(backfill.runDue()).isNull();
        }
    }
}
