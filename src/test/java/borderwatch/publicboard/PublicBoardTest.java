package borderwatch.publicboard;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.service.ApiClient;
import borderwatch.service.TestServer;
import borderwatch.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public wait board: off unless asked for; then levels and expected waits only, without a token, rate-limited. */
class PublicBoardTest {

    @TempDir
    Path data;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void offByDefault() throws Exception {
        try (TestServer server = new TestServer(data, TestClock.clock())) {
            assertThat(get(server.port(), "/public/v1/waits").statusCode()).isEqualTo(404);
            assertThat(get(server.port(), "/public/").statusCode()).isEqualTo(404);
            assertThat(get(server.port(), "/public/public.js").statusCode()).isEqualTo(404);
            assertThat(get(server.port(), "/public").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void levelsAndExpectedWaitsWithoutATokenAndNothingElse() throws Exception {
        try (TestServer server = TestServer.withPublicBoard(data, TestClock.clock())) {
            String now = TestClock.now().truncatedTo(ChronoUnit.SECONDS).toString();
            new ApiClient(server.port()).post("/api/v1/events", "{\"events\":["
                    + "{\"id\":\"c\",\"type\":\"VehiclesCleared\",\"gate\":\"tan-thanh\",\"at\":\"" + now
                    + "\",\"direction\":\"EXPORT\",\"vehicles\":40},"
                    + "{\"id\":\"q\",\"type\":\"QueueObserved\",\"gate\":\"tan-thanh\",\"at\":\"" + now + "\",\"waiting\":260}]}");
            HttpResponse<String> r = get(server.port(), "/public/v1/waits");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=15");
            JsonNode waits = new ObjectMapper().readTree(r.body());
            assertThat(waits.get("gates")).hasSize(5);
            // The gate with a current wait first, the road gates without one after in file order, the station last.
            assertThat(waits.get("gates").findValuesAsText("gate"))
                    .containsExactly("tan-thanh", "huu-nghi", "coc-nam", "chi-ma", "dong-dang");
            JsonNode tanThanh = waits.get("gates").get(0);
            assertThat(tanThanh.get("nameZh").asText()).isEqualTo("新清");
            assertThat(tanThanh.get("portZh").asText()).as("the port it faces across the border").isEqualTo("浦寨");
            assertThat(tanThanh.get("level").asText()).isEqualTo("alert");
            assertThat(tanThanh.get("expectedWaitMinutes").asInt()).isPositive();
            assertThat(tanThanh.get("stale").asBoolean()).isFalse();
            assertThat(tanThanh.get("takesWatchedGoods").asBoolean()).isTrue();
            JsonNode chiMa = waits.get("gates").get(3);
            assertThat(chiMa.get("expectedWaitMinutes").isNull()).as("no queue report at Chi Ma").isTrue();
            assertThat(chiMa.get("stale").asBoolean()).isTrue();
            assertThat(chiMa.get("takesWatchedGoods").asBoolean()).as("Chi Ma takes no fruit").isFalse();
            assertThat(waits.get("gates").get(4).get("unit").asText()).isEqualTo("wagons");
            assertThat(waits.get("gates").get(4).get("portZh").asText()).isEqualTo("凭祥");
            assertThat(waits.get("watchedGoods").asText()).isEqualTo("fruit");
            assertThat(waits.get("fastest").get("exports").asText()).isEqualTo("tan-thanh");
            assertThat(waits.get("fastest").get("watchedGoods").asText()).isEqualTo("tan-thanh");
            // Nothing but names, levels and waits: no traffic, turnover or plans.
            List<String> fields = new ArrayList<>();
            tanThanh.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).doesNotContain("exportVehiclesToday", "turnoverTodayUsd", "activePlan", "waiting");
            assertThat(r.body()).doesNotContain("turnover", "Vehicles");
            // The page itself, without a token.
            assertThat(get(server.port(), "/public").statusCode()).isIn(301, 302);
            assertThat(get(server.port(), "/public/").body()).contains("public.js");
            // A token is not needed, and a bad one changes nothing.
            assertThat(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/public/v1/waits"))
                    .header("Authorization", "Bearer nonsense").GET().build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
            // The console's API still wants one.
            assertThat(get(server.port(), "/api/v1/board").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void oneAddressAskingTooOftenIsToldToWait() throws Exception {
        try (TestServer server = TestServer.withPublicBoard(data, TestClock.clock())) {
            int refused = 0;
            String retryAfter = null;
            for (int i = 0; i < PublicBoardRoutes.BURST + 10; i++) {
                HttpResponse<String> r = get(server.port(), "/public/v1/waits");
                if (r.statusCode() == 429) {
                    refused++;
                    retryAfter = r.headers().firstValue("Retry-After").orElse(null);
                } else {
                    assertThat(r.statusCode()).isEqualTo(200);
                }
            }
            assertThat(refused).isPositive();
            assertThat(retryAfter).isNotNull();
        }
    }
}
