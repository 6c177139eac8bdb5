package borderwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.service.ApiClient;
import borderwatch.service.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest beyond what the node stores at once is told "busy, retry" (503) at once, and nothing is half stored. */
class BackPressureTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-14T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(data, CLOCK);
        server.limitBatchesInFlight(2);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String batch(int b) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            events.add("{\"id\":\"bp-" + b + "-" + i + "\",\"type\":\"VehiclesCleared\",\"gate\":\"dong-dang\","
                    + "\"at\":\"2025-05-14T08:15:00+07:00\",\"direction\":\"EXPORT\",\"vehicles\":1}");
        }
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    @Test
    void aFloodBeyondTheBoundIsAnswered503AndTheRestIsStoredWhole() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int b = 0; b < 60; b++) {
            answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/events"))
                    .header("content-type", "application/json").header("Authorization", "Bearer " + TestServer.TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(batch(b))).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int stored = 0;
        int busy = 0;
        for (var answer : answers) {
            HttpResponse<String> r = answer.join();
            if (r.statusCode() == 200) {
                stored++;
            } else {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(r.body()).contains("busy");
                busy++;
            }
        }
        assertThat(busy).as("60 batches at once against a bound of 2").isPositive();
        assertThat(stored).isPositive();
        assertThat(server.core.storage().headPosition()).isEqualTo(1_000L * stored);
        assertThat(new ApiClient(server.port()).post("/api/v1/events", batch(99)).status()).isEqualTo(200);
    }
}
