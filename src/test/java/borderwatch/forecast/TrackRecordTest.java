package borderwatch.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.gate.GateDecision.LevelCleared;
import borderwatch.gate.GateDecision.LevelRaised;
import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.service.ApiClient;
import borderwatch.service.ReadModels;
import borderwatch.service.TestServer;
import borderwatch.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's own warnings scored against the levels its gates raised, over the last 30 and 90 days. */
class TrackRecordTest {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir
    Path dir;

    private static Instant at(double hours) {
        return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    @Test
    void scoresTheWarningsTheNodeIssuedAgainstTheLevelsItsGatesRaised() {
        ReadModel model = new ReadModel(Province.defaults(), ReadModels.ALL);
        long p = 0;
        // Warned two hours ahead, and it came: one episode warned, a lead of 120 minutes.
        model.apply(++p, new WarningEvent.WarningIssued("w1", "tan-thanh", 2, "alert", at(5), at(3)));
        model.apply(++p, new LevelRaised("l1", "tan-thanh", 0, 2, "queue", 320, null, at(5)));
        model.apply(++p, new WarningEvent.WarningWithdrawn("w2", "tan-thanh", 2, "reached", at(5)));
        model.apply(++p, new LevelCleared("l2", "tan-thanh", 2, 0, 100, null, at(8)));
        // Warned, and nothing came: false.
        model.apply(++p, new WarningEvent.WarningIssued("w3", "tan-thanh", 2, "alert", at(12), at(10)));
        model.apply(++p, new WarningEvent.WarningWithdrawn("w4", "tan-thanh", 2, "not-forecast", at(12)));
        // An episode at another gate no warning foresaw.
        model.apply(++p, new LevelRaised("l3", "chi-ma", 0, 3, "queue", 500, null, at(20)));
        // Issued an hour before now: too soon to judge.
        model.apply(++p, new WarningEvent.WarningIssued("w5", "coc-nam", 2, "alert", at(31), at(29)));

        var windows = TrackRecord.of(model, at(30));
        assertThat(windows).extracting(TrackRecord.Window::days).containsExactly(30, 90);
        TrackRecord.Score all = windows.get(0).overall();
        assertThat(all.alertEpisodes()).isEqualTo(2);
        assertThat(all.warnedAnHourAhead()).isEqualTo(1);
        assertThat(all.warnedShare()).isEqualTo(0.5);
        assertThat(all.medianLeadMinutes()).isEqualTo(120);
        assertThat(all.alertWarnings()).isEqualTo(2);
        assertThat(all.falseWarnings()).isEqualTo(1);
        assertThat(windows.get(0).gates().get("chi-ma").warnedAnHourAhead()).isZero();
        assertThat(windows.get(0).gates().get("coc-nam").alertWarnings()).as("too recent to judge").isZero();

        // Forty days on, the 30-day window has forgotten them; the 90-day one has not.
        var later = TrackRecord.of(model, at(30 + 40 * 24));
        assertThat(later.get(0).overall().alertEpisodes()).isZero();
        assertThat(later.get(0).overall().warnedShare()).isNull();
        assertThat(later.get(1).overall().alertEpisodes()).isEqualTo(2);
    }

    @Test
    void theRecordIsServedAndMetered() throws Exception {
        try (TestServer server = new TestServer(dir, TestClock.clock())) {
            ApiClient api = new ApiClient(server.port(), TestServer.TOKEN);
            var r = api.get("/api/v1/forecast/track-record");
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.json().path("windows").get(0).path("days").asInt()).isEqualTo(30);
            assertThat(r.json().path("windows").get(0).path("overall").path("alertEpisodes").asInt()).isZero();
            assertThat(r.json().path("windows").get(0).path("gates").size()).isEqualTo(5);
            String metrics = server.metrics.scrape();
            assertThat(metrics).contains("borderwatch_forecast_episodes_warned_ratio{province=\"lang-son\",window=\"30d\"} NaN")
                    .contains("borderwatch_forecast_warnings_false_ratio{province=\"lang-son\",window=\"90d\"}")
                    .contains("borderwatch_forecast_warning_lead_median_seconds{province=\"lang-son\",window=\"30d\"}");
        }
    }
}
