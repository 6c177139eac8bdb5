package borderwatch.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import borderwatch.core.StoredEventTypes;
import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.service.ApiClient;
import borderwatch.service.ReadModels;
import borderwatch.service.TestServer;
import borderwatch.store.EventCodec;
import borderwatch.store.EventStorage;
import borderwatch.store.StoreLocation;
import borderwatch.store.engines.StoreEngines;
import borderwatch.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The backtest: its scores by hand, no look-ahead, nothing written, the command, and the forecast as of a past instant. */
class BacktestTest {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    private static final Province PROVINCE = Province.defaults();

    @TempDir
    Path dir;

    private static Instant at(double hours) {
        return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    @Test
    void scoresASmallCaseAsCountedByHand() {
        BacktestScore.Truth truth = new BacktestScore.Truth();
        truth.observed("tan-thanh", T0, 100);
        truth.observed("tan-thanh", at(1), 130);
        truth.seal();
        truth.level("tan-thanh", T0, 0);
        truth.level("tan-thanh", at(5), 2);
        truth.level("tan-thanh", at(8), 0);
        truth.level("tan-thanh", at(20), 3);
        truth.level("tan-thanh", at(22), 0);
        List<Backtest.WarningRecord> warnings = List.of(
                // Two hours ahead of the first episode, ended when it came true: warned, lead 120 min.
                new Backtest.WarningRecord("tan-thanh", at(3), at(5), 2, "alert", at(5), "reached"),
                // Nothing followed within the horizon: false.
                new Backtest.WarningRecord("tan-thanh", at(10), at(12), 2, "alert", at(12), "not-forecast"),
                // Came true, but only half an hour ahead: the second episode is not warned an hour ahead.
                new Backtest.WarningRecord("tan-thanh", at(19.5), at(20), 3, "critical", at(20), "reached"));
        BacktestScore.Forecasts forecasts = new BacktestScore.Forecasts();
        forecasts.add(new Forecaster.GateForecast("tan-thanh", T0, 0, 1, 1, 1, true, false,
                List.of(new Forecaster.Point(at(1), 120, 0.2, 0, "normal", 60)), null));
        BacktestScore s = BacktestScore.of(new Backtest.Options(T0, at(30), Duration.ofMinutes(15), List.of()),
                List.of(PROVINCE.get("tan-thanh")), truth, forecasts, warnings);

        BacktestScore.Gate g = s.gates().get("tan-thanh");
        assertThat(g.alertEpisodes()).isEqualTo(2);
        assertThat(g.warnedAnHourAhead()).isEqualTo(1);
        assertThat(g.warnedShare()).isEqualTo(0.5);
        assertThat(g.medianLeadMinutes()).isEqualTo(120);
        assertThat(g.alertWarnings()).isEqualTo(3);
        assertThat(g.falseWarnings()).isEqualTo(1);
        assertThat(g.falseShare()).isEqualTo(0.333);
        BacktestScore.Error oneHour = g.errors().get(0);
        assertThat(oneHour.samples()).isEqualTo(1);
        assertThat(oneHour.forecastMae()).isEqualTo(10.0);
        assertThat(oneHour.persistenceMae()).isEqualTo(30.0);
        assertThat(oneHour.ratioToPersistence()).isEqualTo(0.333);
        assertThat(oneHour.lastWeekSamples()).isZero();
        assertThat(g.errors().get(1).samples()).as("no point at +3 h").isZero();
        assertThat(s.overall()).isEqualTo(g);
    }

    /** Plays a world into a store, keeping only the hours that end at or before {@code until} (null: all). */
    private Path world(String name, Instant until) {
        Path data = dir.resolve(name);
        try (Core core = Core.open(data, PROVINCE, ReadModels.ALL)) {
            new BorderWorld(PROVINCE, 7, LocalTime.of(7, 0), LocalTime.of(19, 0), 0.8, List.of())
                    .play(T0, 5, batch -> {
                        Instant last = batch.events().get(batch.events().size() - 1).at();
                        if (until == null || !last.isAfter(until)) {
                            core.commands().sendAndWait(batch);
                        }
                    });
        }
        return data;
    }

    private static EventStorage open(Path data) {
        return StoreEngines.open(new StoreLocation.Embedded(data), new EventCodec(StoredEventTypes.registry()));
    }

    private static List<String> forecasts(Path data, Instant from, Instant to) throws Exception {
        List<String> out = new ArrayList<>();
        ObjectMapper json = borderwatch.json.ApiJson.mapper();
        try (EventStorage storage = open(data)) {
            Backtest.run(storage, new ReadModel(PROVINCE, ReadModels.ALL),
                    new Backtest.Options(from, to, Duration.ofMinutes(30), List.of()), p -> { }, new Backtest.Output() {
                        public void forecast(Forecaster.GateForecast f) {
                            try {
                                out.add(json.writeValueAsString(f));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }

                        public void warning(Backtest.WarningRecord w) { }

                        public void level(Backtest.LevelRecord l) { }
                    });
        }
        return out;
    }

    @Test
    void aForecastUsesNothingReportedAfterItsInstant() throws Exception {
        Instant cut = T0.plus(Duration.ofDays(3)).plus(Duration.ofHours(10)).minusSeconds(1);
        Path whole = world("whole", null);
        Path upToCut = world("up-to-cut", cut);
        Instant from = cut.minus(Duration.ofHours(12));
        List<String> withTheFuture = forecasts(whole, from, cut);
        List<String> withoutIt = forecasts(upToCut, from, cut);
        assertThat(withTheFuture).hasSize(25 * PROVINCE.all().size());
        assertThat(withTheFuture).as("forecasts from a store holding the days after them").isEqualTo(withoutIt);
        try (EventStorage a = open(whole); EventStorage b = open(upToCut)) {
            assertThat(a.headPosition()).as("the whole world holds more").isGreaterThan(b.headPosition() + 1_000);
        }
    }

    @Test
    void theCommandWritesItsFilesAndNothingToTheStore() throws Exception {
        Path data = world("cli", null);
        long head;
        try (EventStorage storage = open(data)) {
            head = storage.headPosition();
        }
        Path out = dir.resolve("out");
        int exit = new CommandLine(new borderwatch.cli.ServeCommands()).execute("backtest", "--data", data.toString(),
                "--from", "2026-06-03", "--to", "2026-06-04T12:00:00Z", "--every", "1h", "--out", out.toString());
        assertThat(exit).isZero();
        try (EventStorage storage = open(data)) {
            assertThat(storage.headPosition()).as("events in the store after the backtest").isEqualTo(head);
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("gates").size()).isEqualTo(5);
        assertThat(summary.path("overall").path("errors").get(0).path("samples").asLong()).isPositive();
        List<String> forecasts = Files.readAllLines(out.resolve("forecasts.jsonl"));
        // From 2026-06-03 00:00 in Lạng Sơn (17:00Z the day before) to 12:00Z on the 4th, hourly, five gates.
        assertThat(forecasts).hasSize((7 + 24 + 13) * 5);
        JsonNode first = new ObjectMapper().readTree(forecasts.get(0));
        assertThat(first.path("issuedAt").asText()).isEqualTo("2026-06-02T17:00:00Z");
        assertThat(first.path("points").size()).isEqualTo(12);
        assertThat(Files.readAllLines(out.resolve("levels.jsonl"))).isNotEmpty();
        for (String line : Files.readAllLines(out.resolve("warnings.jsonl"))) {
            JsonNode w = new ObjectMapper().readTree(line);
            assertThat(w.path("gate").asText()).isNotBlank();
            assertThat(Instant.parse(w.path("issuedAt").asText())).isBefore(Instant.parse(w.path("expectedAt").asText())
                    .plusSeconds(1));
        }
        assertThat(new CommandLine(new borderwatch.cli.ServeCommands()).execute("backtest", "--data", data.toString(),
                "--from", "2026-06-03", "--to", "2026-06-02", "--out", out.toString())).as("to before from").isNotZero();
        assertThat(new CommandLine(new borderwatch.cli.ServeCommands()).execute("backtest", "--data", data.toString(),
                "--from", "2026-06-03", "--to", "2026-06-04", "--every", "0m", "--out", out.toString())).isNotZero();
    }

    @Test
    void anImportedHistoryOfDailyTotalsIsBacktestedWithNothingToScore() throws Exception {
        StringBuilder csv = new StringBuilder("date,gate,export_vehicles,import_vehicles,export_usd,import_usd\n");
        for (int day = 1; day <= 20; day++) {
            for (var g : PROVINCE.all()) {
                csv.append(String.format("2026-03-%02d,%s,%d,%d,%d.00,%d.00%n", day, g.id(), 150 + day, 80 + day,
                        100_000 + day, 90_000 + day));
            }
        }
        Path file = dir.resolve("totals.csv");
        Files.writeString(file, csv);
        Path data = dir.resolve("imported");
        var cli = new CommandLine(new borderwatch.cli.ServeCommands());
        assertThat(cli.execute("import", "--data", data.toString(), "--file", file.toString())).isZero();
        Path out = dir.resolve("imported-out");
        assertThat(cli.execute("backtest", "--data", data.toString(), "--from", "2026-03-01", "--to", "2026-03-20",
                "--every", "1h", "--out", out.toString())).isZero();
        JsonNode overall = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("overall");
        // Daily totals carry no queue reports and no levels: nothing to score, and it says so with nulls, not zeros.
        assertThat(overall.path("alertEpisodes").asInt()).isZero();
        assertThat(overall.path("warnedShare").isNull()).isTrue();
        assertThat(overall.path("errors").get(1).path("samples").asLong()).isZero();
        assertThat(overall.path("errors").get(1).path("forecastMae").isNull()).isTrue();
        // Twenty local days, hourly, five gates.
        assertThat(Files.readAllLines(out.resolve("forecasts.jsonl"))).hasSize(20 * 24 * 5);
    }

    @Test
    void theApiGivesTheForecastAsOfAPastInstantAsTheBacktestMadeIt() throws Exception {
        Instant asOf = T0.plus(Duration.ofDays(2)).plus(Duration.ofHours(2));
        try (TestServer server = new TestServer(dir.resolve("api"), TestClock.clock())) {
            new BorderWorld(PROVINCE, 7, LocalTime.of(7, 0), LocalTime.of(19, 0), 0.8, List.of())
                    .play(T0, 3, batch -> server.core.commands().sendAndWait(batch));
            ApiClient api = new ApiClient(server.port(), TestServer.TOKEN);
            var r = api.get("/api/v1/forecast?gate=tan-thanh&asOf=" + URLEncoder.encode(asOf.toString(), StandardCharsets.UTF_8));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.json().path("asOf").asText()).isEqualTo(asOf.toString());
            JsonNode served = r.json().path("gates").get(0);
            Forecaster.GateForecast made = Forecaster.run(borderwatch.readmodel.Replay.asOf(server.core.storage(),
                    server.core.live().blank(), asOf, p -> { }).model(), asOf, Map.of()).get("tan-thanh");
            assertThat(served.path("from").asText()).isEqualTo(asOf.toString());
            assertThat(served.path("points").get(11).path("waiting").asInt()).isEqualTo(made.points().get(11).waiting());
            assertThat(served.path("points").size()).isEqualTo(made.points().size());

            var future = api.get("/api/v1/forecast?asOf=" + URLEncoder.encode(TestClock.now().plus(Duration.ofDays(1))
                    .toString(), StandardCharsets.UTF_8));
            assertThat(future.status()).isEqualTo(400);
            assertThat(future.json().path("errors").get(0).path("field").asText()).isEqualTo("asOf");
            assertThat(api.get("/api/v1/forecast?asOf=yesterday").status()).isEqualTo(400);
            assertThat(api.get("/api/v1/forecast?asOf=0001-01-01").status()).isEqualTo(400);
        }
    }
}
