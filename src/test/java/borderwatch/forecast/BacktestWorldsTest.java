package borderwatch.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.service.ReadModels;
import borderwatch.testing.ProvinceFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forecaster backtested on worlds it was never tuned on ({@link BorderWorld}): road gates shut at
 * night with trucks arriving overnight, and a week-long inspection campaign at one gate. Three weeks
 * teach the gates' days; the fourth and fifth are scored.
 */
class BacktestWorldsTest {

    static final Instant START = Instant.parse("2026-03-01T17:00:00Z");
    static final int DAYS = 35;

    @TempDir
    Path dir;

    /** Lạng Sơn's file with the road gates' hours said (or not), as a province would write it. */
    static Province province(Path dir, boolean withHours) {
        return ProvinceFiles.langSon(dir, "province-" + withHours + ".json", root -> {
            if (withHours) {
                root.get("gates").forEach(gate -> {
                    if (gate.get("kind").asText().equals("road")) {
                        ((ObjectNode) gate).putObject("hours").put("open", "07:00").put("close", "19:00");
                    }
                });
            }
        });
    }

    static Path world(Path dir, Province province, long seed, List<BorderWorld.Campaign> campaigns) {
        Path data = dir.resolve("world-" + seed);
        try (Core core = Core.open(data, province, ReadModels.ALL)) {
            new BorderWorld(province, seed, LocalTime.of(7, 0), LocalTime.of(19, 0), 0.8, campaigns)
                    .play(START, DAYS, batch -> core.commands().sendAndWait(batch));
        }
        return data;
    }

    static BacktestScore score(Path data, Province province) {
        return score(data, province, START.plus(Duration.ofDays(21)),
                START.plus(Duration.ofDays(DAYS)).minus(Duration.ofHours(7)));
    }

    static BacktestScore score(Path data, Province province, Instant from, Instant to) {
        try (var storage = borderwatch.store.engines.StoreEngines.open(new borderwatch.store.StoreLocation.Embedded(data),
                new borderwatch.store.EventCodec(borderwatch.core.StoredEventTypes.registry()))) {
            return Backtest.run(storage, new ReadModel(province, ReadModels.ALL),
                    new Backtest.Options(from, to, Duration.ofMinutes(30), List.of()),
                    p -> { }, new Backtest.Output() {
                        public void forecast(Forecaster.GateForecast f) { }

                        public void warning(Backtest.WarningRecord w) { }

                        public void level(Backtest.LevelRecord l) { }
                    });
        }
    }

    static void print(String world, BacktestScore s) {
        System.out.println(world + ": " + "\n" + s.table());
    }

    @Test
    void nightClosuresWithTheHoursInTheFile() throws Exception {
        Province province = province(dir, true);
        BacktestScore s = score(world(dir, province, 11, List.of()), province);
        print("night closures, hours in the file", s);
        assertBeatsPersistence(s);
    }

    @Test
    void nightClosuresTheFileDoesNotMentionAreLearned() throws Exception {
        Province province = province(dir, false);
        BacktestScore s = score(world(dir, province, 17, List.of()), province);
        print("night closures, no hours in the file", s);
        assertBeatsPersistence(s);
    }

    @Test
    void aWeekLongInspectionCampaign() throws Exception {
        Province province = province(dir, true);
        Instant from = START.plus(Duration.ofDays(24)).plus(Duration.ofHours(3));
        BacktestScore s = score(world(dir, province, 23, List.of(new BorderWorld.Campaign("tan-thanh", from,
                from.plus(Duration.ofDays(7))))), province);
        print("inspection campaign", s);
        assertBeatsPersistence(s);
    }

    /**
     * Two fruit harvests a year apart, June each year, fruit coming twice as often as the month before;
     * last year fruit was 40% of the export trucks, this year 65%. Last year's May and June teach the
     * season; this year's harvest, as it begins, is scored.
     */
    @Test
    void aHarvestThatCameLastYearComesAgain() throws Exception {
        Province province = province(dir, true);
        Instant lastYear = Instant.parse("2025-04-30T17:00:00Z");
        Instant thisYear = lastYear.plus(Duration.ofDays(364));
        Path data = dir.resolve("two-harvests");
        try (Core core = Core.open(data, province, ReadModels.ALL)) {
            BorderWorld world = new BorderWorld(province, 29, LocalTime.of(7, 0), LocalTime.of(19, 0), 0.7, List.of());
            world.withHarvest(new BorderWorld.Harvest(java.time.MonthDay.of(6, 1), java.time.MonthDay.of(6, 30), 0.4, 2.0))
                 .play(lastYear, 60, batch -> core.commands().sendAndWait(batch));
            world.withHarvest(new BorderWorld.Harvest(java.time.MonthDay.of(6, 1), java.time.MonthDay.of(6, 30), 0.65, 2.0))
                 .play(thisYear, 45, batch -> core.commands().sendAndWait(batch));
        }
        Instant from = thisYear.plus(Duration.ofDays(24));
        BacktestScore s = score(data, province, from, thisYear.plus(Duration.ofDays(45)).minus(Duration.ofHours(7)));
        print("two harvests a year apart", s);
        assertBeatsPersistence(s);
    }

    static void assertBeatsPersistence(BacktestScore s) {
        List<String> misses = new ArrayList<>();
        for (BacktestScore.Error e : s.overall().errors()) {
            assertThat(e.samples()).as("+%d h scored", e.hoursAhead()).isGreaterThan(500);
            if (e.hoursAhead() >= 3 && e.ratioToPersistence() > 0.8) {
                misses.add("+" + e.hoursAhead() + " h: " + e.ratioToPersistence() + "× persistence");
            }
        }
        assertThat(misses).as("the forecast's error at +3 h and +6 h is at most 0.8× persistence's").isEmpty();
        assertThat(s.overall().alertEpisodes()).as("alert episodes to score").isGreaterThan(3);
        assertThat(s.overall().warnedShare()).as("episodes warned an hour ahead").isGreaterThanOrEqualTo(0.8);
        assertThat(s.overall().falseShare()).as("warnings that did not come true").isLessThanOrEqualTo(0.25);
    }
}
