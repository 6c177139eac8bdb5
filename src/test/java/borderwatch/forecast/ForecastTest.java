package borderwatch.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import borderwatch.service.ApiClient;
import borderwatch.service.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live forecast per gate, its early warning, and "what if we act now", which writes nothing. */
class ForecastTest {

    /** 09:00 on 14 May 2025 in Lạng Sơn. */
    private static final Instant NOW = Instant.parse("2025-05-14T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path data;
    private TestServer server;
    private Core core;
    private ApiClient api;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.withEarlyWarnings(data, CLOCK);
        core = server.core;
        api = new ApiClient(server.port());
        // Tân Thanh has stood still for three hours while its queue grew from 100 to 250: closed, in practice.
        // Cốc Nam clears at its usual pace with a short queue.
        String at = "2025-05-14T08:55:00+07:00";
        assertThat(api.post("/api/v1/events", "{\"events\":["
                + "{\"id\":\"q0\",\"type\":\"QueueObserved\",\"gate\":\"tan-thanh\",\"at\":\"2025-05-14T05:50:00+07:00\",\"waiting\":100},"
                + "{\"id\":\"q1\",\"type\":\"QueueObserved\",\"gate\":\"tan-thanh\",\"at\":\"" + at + "\",\"waiting\":250},"
                + "{\"id\":\"c1\",\"type\":\"VehiclesCleared\",\"gate\":\"coc-nam\",\"at\":\"2025-05-14T08:30:00+07:00\","
                + "\"direction\":\"IMPORT\",\"vehicles\":40},"
                + "{\"id\":\"q2\",\"type\":\"QueueObserved\",\"gate\":\"coc-nam\",\"at\":\"" + at + "\",\"waiting\":10}]}")
                .status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode forecastOf(String gate) throws Exception {
        return api.get("/api/v1/forecast?gate=" + gate).json().get("gates").get(0);
    }

    @Test
    void twelveHoursAheadInQuarterHoursFromTheLiveQueue() throws Exception {
        JsonNode all = api.get("/api/v1/forecast").json().get("gates");
        assertThat(all).hasSize(5);
        JsonNode tanThanh = forecastOf("tan-thanh");
        JsonNode points = tanThanh.get("points");
        assertThat(points).hasSize(Forecaster.STEPS);
        assertThat(Instant.parse(points.get(0).get("at").asText())).isEqualTo(NOW.plus(Forecaster.STEP));
        assertThat(Instant.parse(points.get(47).get("at").asText())).isEqualTo(NOW.plus(Duration.ofHours(12)));
        assertThat(tanThanh.get("fromQueueReport").asBoolean()).isTrue();
        // Nothing cleared while trucks waited: no capacity, so the queue only grows until the gate is assumed to reopen.
        assertThat(tanThanh.get("capacityFactor").asDouble()).isZero();
        int closedSteps = (int) (Forecaster.REOPEN_AFTER.toMinutes() / Forecaster.STEP.toMinutes());
        for (int i = 1; i < closedSteps; i++) {
            assertThat(points.get(i).get("waiting").asInt()).isGreaterThan(points.get(i - 1).get("waiting").asInt());
        }
        // A point's expected wait is for a truck joining then: stalled until the assumed reopening, finite from it.
        assertThat(points.get(closedSteps - 2).get("expectedWaitMinutes").asInt()).isEqualTo(ExpectedWait.CAP_MINUTES);
        assertThat(points.get(closedSteps - 1).get("at").asText()).isEqualTo(NOW.plus(Forecaster.REOPEN_AFTER).toString());
        assertThat(points.get(closedSteps - 1).get("expectedWaitMinutes").asInt()).isLessThan(ExpectedWait.CAP_MINUTES);
        // Nothing cleared in the last day: no evidence about arrivals, so the usual rate.
        assertThat(tanThanh.get("exportArrivals").asDouble()).isEqualTo(1.0);
        // The tile says the same now: stalled, capped.
        JsonNode tile = api.get("/api/v1/board").json().get("gates").get(1);
        assertThat(tile.get("expectedWait").get("stalled").asBoolean()).isTrue();
        assertThat(tile.get("expectedWait").get("minutes").asInt()).isEqualTo(ExpectedWait.CAP_MINUTES);
        // A gate without a queue report starts from an empty queue and says so.
        assertThat(forecastOf("chi-ma").get("fromQueueReport").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/board").json().get("gates").get(3).get("expectedWait").get("minutes").isNull()).isTrue();
    }

    @Test
    void aLevelForecastWithinTheHorizonIsAWarningWithItsLeadTime() throws Exception {
        JsonNode warning = forecastOf("tan-thanh").get("warning");
        int levelNow = forecastOf("tan-thanh").get("levelNow").asInt();
        assertThat(warning.isNull()).isFalse();
        assertThat(warning.get("level").asInt()).isGreaterThan(levelNow);
        assertThat(warning.get("minutesAhead").asLong()).isBetween(15L, 12 * 60L);
        assertThat(warning.get("levelVi").asText()).isNotBlank();
        // Cốc Nam keeps up: no warning.
        assertThat(forecastOf("coc-nam").get("warning").isNull()).isTrue();
    }

    @Test
    void whatIfComparesBothCurvesAndWritesNothing() throws Exception {
        long head = core.storage().headPosition();
        ApiClient.Reply r = api.post("/api/v1/forecast/tan-thanh/what-if", "{\"level\":2}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode c = r.json();
        assertThat(c.get("divertedTo").asText()).isEqualTo("coc-nam");
        double without = truckHours(c.get("without"));
        double with = truckHours(c.get("with"));
        // Half the exports go to Cốc Nam: fewer wait at Tân Thanh, more at Cốc Nam.
        assertThat(with).isLessThan(without);
        assertThat(c.get("divertedWith").get("points").get(47).get("waiting").asInt())
                .isGreaterThanOrEqualTo(c.get("divertedWithout").get("points").get(47).get("waiting").asInt());
        assertThat(c.get("planVi").asText()).contains("Cốc Nam");
        assertThat(core.storage().headPosition()).isEqualTo(head);
        assertThat(api.post("/api/v1/forecast/tan-thanh/what-if", "{\"level\":9}").json().get("errors").get(0)
                .get("field").asText()).isEqualTo("level");
        assertThat(api.post("/api/v1/forecast/atlantis/what-if", "{\"level\":1}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/forecast/tan-thanh/what-if", "{\"level\":9,\"hours\":6}").json().get("errors"))
                .as("an unknown field beside a wrong level: both named").extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("hours", "level");
        assertThat(api.get("/api/v1/forecast?gate=atlantis").status()).isEqualTo(400);
    }

    private static double truckHours(JsonNode forecast) {
        double sum = 0;
        for (JsonNode p : forecast.get("points")) {
            sum += p.get("waiting").asInt();
        }
        return sum;
    }

    private java.util.List<String> storedTypes() {
        java.util.List<String> types = new java.util.ArrayList<>();
        core.storage().scan(0, core.storage().headPosition(), e -> types.add(e.type()));
        return types;
    }

    @Test
    void aWarningIsRecordedOnceWhenIssuedAndOnceWhenWithdrawn() throws Exception {
        api.get("/api/v1/forecast");
        api.get("/api/v1/forecast");
        assertThat(storedTypes().stream().filter(t -> t.equals("forecast.warning-issued.v1")).count()).isEqualTo(1);
        int warned = forecastOf("tan-thanh").get("warning").get("level").asInt();
        int thresholdOfWarned = server.core.gates().get("tan-thanh").levels().config(warned).raiseAtWaiting();
        // The queue grows to the warned level: the warning came true and ends with that reason.
        assertThat(api.post("/api/v1/events", "{\"events\":[{\"id\":\"q9\",\"type\":\"QueueObserved\","
                + "\"gate\":\"tan-thanh\",\"at\":\"2025-05-14T08:59:00+07:00\",\"waiting\":" + thresholdOfWarned + "}]}")
                .status()).isEqualTo(200);
        api.get("/api/v1/forecast");
        api.get("/api/v1/forecast");
        assertThat(storedTypes().stream().filter(t -> t.startsWith("forecast.")).toList())
                .containsExactly("forecast.warning-issued.v1", "forecast.warning-withdrawn.v1");
        var log = core.live().query(m -> WarningLog.of(m).issuedIn("tan-thanh", NOW.minusSeconds(60), NOW.plusSeconds(60)));
        assertThat(log).hasSize(1);
        assertThat(log.get(0).reason()).isEqualTo("reached");
        assertThat(log.get(0).level()).isEqualTo(warned);
        // The year's report counts it: one warning given, and it came true.
        JsonNode congestion = api.get("/api/v1/reports/2025").json().get("report").get("congestion").get(1);
        assertThat(congestion.get("gate").asText()).isEqualTo("tan-thanh");
        assertThat(congestion.get("warningsIssued").asInt()).isEqualTo(1);
        assertThat(congestion.get("warningsCameTrue").asInt()).isEqualTo(1);
        // The activity feed carries both.
        assertThat(core.live().query(m -> borderwatch.board.RecentActivity.of(m).items()).stream()
                .map(i -> i.kind()).toList()).contains("warning", "warning-withdrawn");
    }
}
