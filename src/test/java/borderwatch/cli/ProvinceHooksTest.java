package borderwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.auth.Role;
import borderwatch.auth.Tokens;
import borderwatch.service.ApiClient;
import borderwatch.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * On a node of two provinces, a hook named for one province hears only that province, a hook
 * without provinces hears both, each province's admins read their own deliveries, and each
 * province's meters carry its name.
 */
class ProvinceHooksTest {

    private static final String SECRET = "f3a91c07d2b84e65a0c9e1d7b3f54a82";

    @TempDir
    Path dir;
    private HttpServer receiver;
    private final BlockingQueue<String[]> received = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private String receiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new String[] {exchange.getRequestURI().getPath(), new String(body, java.nio.charset.StandardCharsets.UTF_8)});
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort();
    }

    private Path hooks(String url, String extra) throws Exception {
        Path file = dir.resolve("hooks.json");
        Files.writeString(file, """
                {"webhooks": [
                  {"id": "lai-chau-room", "url": "%s/lai-chau", "secret": "%s", "events": ["level.raised"], "provinces": ["lai-chau"]},
                  {"id": "ministry", "url": "%s/ministry", "secret": "%s", "events": ["level.raised"]}%s
                ]}
                """.formatted(url, SECRET, url, SECRET, extra));
        return file;
    }

    private Service start(Path hooks) {
        return Service.start(CommandLine.populateCommand(new CommonOptions(), "--data", dir.resolve("data").toString(),
                "--port", "0", "--gates", "lang-son,lai-chau", "--host", "127.0.0.1", "--store", "sqlite",
                "--rate-limit", "1000", "--webhooks", hooks.toString()), TestClock.clock(), null);
    }

    private static String queue(String id, String gate, int waiting) {
        return "{\"events\":[{\"id\":\"" + id + "\",\"type\":\"QueueObserved\",\"gate\":\"" + gate + "\",\"at\":\""
                + TestClock.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"waiting\":" + waiting + "}]}";
    }

    @Test
    void aHookNamedForOneProvinceHearsOnlyItAndOneWithoutProvincesHearsBoth() throws Exception {
        String url = receiver();
        String token = Tokens.open(dir.resolve("data/tokens.json"), null).create(Role.ADMIN, Set.of(), "admin").token();
        try (Service node = start(hooks(url, ""))) {
            ApiClient api = new ApiClient(node.port(), token);
            assertThat(api.post("/api/v1/events", queue("q1", "tan-thanh", 260)).status()).isEqualTo(200);
            assertThat(api.post("/api/v1/events?province=lai-chau", queue("q2", "ma-lu-thang", 100)).status()).isEqualTo(200);
            List<String[]> got = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String[] r = received.poll(15, TimeUnit.SECONDS);
                assertThat(r).as("delivery " + (i + 1) + " of 3 within 15 s").isNotNull();
                got.add(r);
            }
            assertThat(received.poll(1, TimeUnit.SECONDS)).as("no fourth delivery").isNull();
            ObjectMapper json = new ObjectMapper();
            List<String> seen = new ArrayList<>();
            for (String[] r : got) {
                JsonNode body = json.readTree(r[1]);
                seen.add(r[0] + " " + body.path("province").asText() + " " + body.path("gate").path("id").asText());
            }
            assertThat(seen).containsExactlyInAnyOrder("/ministry lang-son tan-thanh", "/ministry lai-chau ma-lu-thang",
                    "/lai-chau lai-chau ma-lu-thang");
            // Each province's admins read the deliveries made from that province's store.
            JsonNode laiChau = api.get("/api/v1/webhooks?province=lai-chau").json();
            assertThat(laiChau.findValuesAsText("id")).contains("lai-chau-room", "ministry");
            JsonNode langSon = api.get("/api/v1/webhooks").json();
            assertThat(langSon.findValuesAsText("id")).contains("ministry").doesNotContain("lai-chau-room");
            // Meters of the same name keep the provinces apart.
            String metrics = api.get("/metrics").text();
            assertThat(metrics).contains("borderwatch_ready{province=\"lang-son\"} 1.0", "borderwatch_ready{province=\"lai-chau\"} 1.0");
            assertThat(metrics).containsPattern("borderwatch_gate_congestion_level\\{gate=\"ma-lu-thang\",province=\"lai-chau\"\\} [1-9]");
            assertThat(metrics).containsPattern("borderwatch_webhook_deliveries_total\\{hook=\"lai-chau-room\",outcome=\"delivered\",province=\"lai-chau\"\\} 1");
        }
    }

    @Test
    void aHookNamingAnUnknownProvinceOrAnotherProvincesGateStopsTheStart() throws Exception {
        String url = receiver();
        String wrongGate = ",\n{\"id\": \"x\", \"url\": \"" + url + "/x\", \"secret\": \"" + SECRET
                + "\", \"provinces\": [\"lai-chau\"], \"gates\": [\"tan-thanh\"]}";
        assertThatThrownBy(() -> start(hooks(url, wrongGate))).hasMessageContaining("webhook x: unknown gate 'tan-thanh' in lai-chau");
        String wrongProvince = ",\n{\"id\": \"y\", \"url\": \"" + url + "/y\", \"secret\": \"" + SECRET
                + "\", \"provinces\": [\"ha-giang\"]}";
        assertThatThrownBy(() -> start(hooks(url, wrongProvince))).hasMessageContaining("webhook y: unknown province 'ha-giang'");
    }
}
