package borderwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import borderwatch.province.Province;
import borderwatch.service.ReadModels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real service with a 2 MiB cap on the size of any file it writes (the shell's {@code ulimit -f};
 * writes beyond it fail as on a full disk): once the store cannot grow, a batch is answered 503
 * with {@code Retry-After}, none of it is stored, and the service keeps answering.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DiskFullTest {

    @TempDir
    Path dir;

    private static List<String> ids(int batch) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add("full-" + batch + "-" + i);
        }
        return ids;
    }

    private static String body(List<String> ids, Instant at) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            events.add("{\"id\":\"" + ids.get(i) + "\",\"type\":\"QueueObserved\",\"gate\":\"tan-thanh\",\"at\":\""
                    + at.plusSeconds(i) + "\",\"waiting\":" + (i % 50) + ",\"yardOccupancy\":0.25}");
        }
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    @Test
    void aFullDiskAnswers503WithRetryAfterAndStoresNothingOfTheBatch() throws Exception {
        Path data = dir.resolve("node");
        int port = ServiceProcess.freePort();
        HttpClient http = HttpClient.newHttpClient();
        Instant at = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        List<String> acknowledged = new ArrayList<>();
        List<String> refused = null;
        HttpResponse<String> refusal = null;
        try (ServiceProcess service = ServiceProcess.start(data, port, 2 * 1024)) {
            for (int batch = 0; batch < 400 && refused == null; batch++) {
                List<String> ids = ids(batch);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                        .header("content-type", "application/json").header("Authorization", "Bearer " + ServiceProcess.TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(body(ids, at))).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    acknowledged.addAll(ids);
                } else {
                    refused = ids;
                    refusal = r;
                }
            }
            assertThat(refusal).as("the store filled up within 400 batches").isNotNull();
            assertThat(refusal.statusCode()).as(refusal.body()).isEqualTo(503);
            assertThat(refusal.headers().firstValue("Retry-After")).isPresent();
            assertThat(refusal.body()).contains("\"errors\"").doesNotContain("Exception");
            HttpResponse<String> alive = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(alive.statusCode()).as("still answering").isEqualTo(200);
        }
        assertThat(acknowledged).as("some batches went in before the disk was full").isNotEmpty();
        try (Core core = Core.open(data, Province.defaults(), ReadModels.ALL)) {
            assertThat(core.storage().existingIds(acknowledged)).hasSize(acknowledged.size());
            assertThat(core.storage().existingIds(refused)).as("no part of the refused batch").isEmpty();
        }
    }
}
