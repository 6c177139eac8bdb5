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
        try (var storage = borderwatch.store.engines.StoreEngines.open(new borderwatch.store.StoreLocation.Embedded(data),
                new borderwatch.store.EventCodec(borderwatch.core.StoredEventTypes.registry()))) {
            Instant from = START.plus(Duration.ofDays(21));
            return Backtest.run(storage, new ReadModel(province, ReadModels.ALL),
                    new Backtest.Options(from, START.plus(Duration.ofDays(DAYS)).minus(Duration.ofHours(7)),
                            Duration.ofMinutes(30), List.of()),
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
