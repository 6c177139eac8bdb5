package borderwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.service.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} and the health endpoints of a running node. */
class MetricsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-14T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;
    private TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = new TestServer(data, CLOCK);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("content-type", "application/json")
                .header("Authorization", "Bearer " + TestServer.TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String scrape(HttpClient http, int port) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        assertThat(m.find()).as("series %s in the scrape", series).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void domainVertxAxonAndJvmMetricsInPrometheusFormat() throws Exception {
        String batch = "{\"events\":[{\"id\":\"m1\",\"type\":\"VehiclesCleared\",\"gate\":\"tan-thanh\","
                + "\"at\":\"2025-05-14T08:15:00+07:00\",\"direction\":\"EXPORT\",\"vehicles\":12},"
                + "{\"id\":\"m2\",\"type\":\"TurnoverRecorded\",\"gate\":\"tan-thanh\",\"at\":\"2025-05-14T08:15:00+07:00\","
                + "\"direction\":\"EXPORT\",\"usd\":\"1250.50\"},"
                + "{\"id\":\"m3\",\"type\":\"QueueObserved\",\"gate\":\"tan-thanh\",\"at\":\"2025-05-14T08:15:00+07:00\","
                + "\"waiting\":260,\"yardOccupancy\":0.6}]}";
        assertThat(send("POST", "/api/v1/events", batch).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/gates/tan-thanh/plans/activate",
                "{\"level\":2,\"by\":\"Lan\",\"reason\":\"ùn\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> r = send("GET", "/metrics", null);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/plain; version=0.0.4");
        String s = r.body();
        assertThat(value(s, "borderwatch_vehicles_cleared_total{direction=\"export\",gate=\"tan-thanh\",goods=\"none\",province=\"lang-son\"}")).isEqualTo(12);
        assertThat(value(s, "borderwatch_turnover_usd_total{direction=\"export\",gate=\"tan-thanh\",goods=\"none\",province=\"lang-son\"}")).isEqualTo(1250.5);
        assertThat(value(s, "borderwatch_gate_waiting{gate=\"tan-thanh\",province=\"lang-son\"}")).isEqualTo(260);
        assertThat(value(s, "borderwatch_gate_congestion_level{gate=\"tan-thanh\",province=\"lang-son\"}")).isEqualTo(2);
        assertThat(value(s, "borderwatch_gate_response_plan_level{gate=\"tan-thanh\",province=\"lang-son\"}")).isEqualTo(2);
        assertThat(value(s, "borderwatch_response_plans_active{province=\"lang-son\"}")).isEqualTo(1);
        assertThat(value(s, "borderwatch_projection_lag_events{province=\"lang-son\"}")).isZero();
        assertThat(value(s, "borderwatch_store_append_seconds_count{province=\"lang-son\"}")).isGreaterThanOrEqualTo(2);
        assertThat(value(s, "borderwatch_websocket_sessions{province=\"lang-son\"}")).isZero();
        // The level change and the plan are events too: 3 reports, 1 level raised, 1 plan.
        assertThat(value(s, "borderwatch_events_projected_total{province=\"lang-son\"}")).isEqualTo(5);
        // Vert.x, Axon (command bus, event store, the live processor) and JVM meters come along.
        assertThat(s).contains("vertx_http_server_requests_total", "event_store_ingested_total",
                "command_bus_success_total", "live_projections_success_total", "jvm_memory_used_bytes");
    }

    @Test
    void drillsDoNotCount() throws Exception {
        String before = scrape(http, server.port());
        HttpResponse<String> started = send("POST", "/api/v1/drills",
                "{\"scenario\":\"harvest-peak\",\"gates\":[\"tan-thanh\"],\"days\":1,\"secondsPerDay\":1}");
        assertThat(started.statusCode()).isEqualTo(201);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (send("GET", "/api/v1/drills", null).body().contains("\"running\"") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String after = scrape(http, server.port());
        assertThat(value(after, "borderwatch_events_projected_total{province=\"lang-son\"}"))
                .isEqualTo(value(before, "borderwatch_events_projected_total{province=\"lang-son\"}")).isZero();
        assertThat(after).doesNotContain("borderwatch_vehicles_cleared_total{");
    }

    @Test
    void healthSaysLiveAndReady() throws Exception {
        assertThat(send("GET", "/health/live", null).statusCode()).isEqualTo(200);
        HttpResponse<String> ready = send("GET", "/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"ready\"", "\"projectionLag\":0");
    }
}
