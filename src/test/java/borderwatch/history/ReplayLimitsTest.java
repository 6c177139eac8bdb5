package borderwatch.history;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.auth.Role;
import borderwatch.http.Json;
import borderwatch.service.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History replays are capped per token and per node; one over the cap is told why and closed. */
class ReplayLimitsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-10T03:00:00Z"), ZoneOffset.UTC);
    private static final String PERIOD = "/ws/history?from=2025-07-01&to=2025-07-02&speed=1";

    @TempDir
    Path data;
    private TestServer server;
    private WebSocketClient ws;

    @BeforeEach
    void start() {
        server = new TestServer(data, CLOCK);
        server.limit(l -> l.withReplays(1, 2));
        ws = server.vertx.createWebSocketClient();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private record Opened(ClientWebSocket socket, CompletableFuture<JsonNode> first, CompletableFuture<Short> closed) {
    }

    private Opened open(String token) {
        CompletableFuture<JsonNode> first = new CompletableFuture<>();
        CompletableFuture<Short> closed = new CompletableFuture<>();
        ClientWebSocket socket = ws.webSocket();
        socket.textMessageHandler(text -> {
            try {
                JsonNode frame = Json.mapper().readTree(text);
                first.complete(frame.isArray() ? frame.get(0) : frame);
            } catch (Exception e) {
                first.completeExceptionally(e);
            }
        });
        socket.closeHandler(v -> closed.complete(socket.closeStatusCode()));
        socket.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
                .setURI(PERIOD + "&access_token=" + token)).await();
        return new Opened(socket, first, closed);
    }

    private long healthMillis() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/health")).timeout(Duration.ofSeconds(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Test
    void aReplayOverTheCapIsToldWhyAndClosedAndTheSlotComesBack() throws Exception {
        String a = server.tokens.create(Role.VIEWER, Set.of(), "a").token();
        String b = server.tokens.create(Role.VIEWER, Set.of(), "b").token();
        String c = server.tokens.create(Role.VIEWER, Set.of(), "c").token();

        Opened first = open(a);
        assertThat(first.first.get(10, TimeUnit.SECONDS).get("type").asText()).isEqualTo("snapshot");
        Opened again = open(a);
        assertThat(again.first.get(10, TimeUnit.SECONDS).get("code").asText()).isEqualTo("replays-per-token");
        assertThat(again.closed.get(10, TimeUnit.SECONDS)).isEqualTo((short) 1013);

        Opened second = open(b);
        assertThat(second.first.get(10, TimeUnit.SECONDS).get("type").asText()).isEqualTo("snapshot");
        Opened third = open(c);
        JsonNode refused = third.first.get(10, TimeUnit.SECONDS);
        assertThat(refused.get("type").asText()).isEqualTo("refused");
        assertThat(refused.get("code").asText()).isEqualTo("replays-per-node");
        assertThat(refused.get("message").asText()).contains("2 replays");
        assertThat(third.closed.get(10, TimeUnit.SECONDS)).isEqualTo((short) 1013);
        assertThat(healthMillis()).as("health answers while replays run").isLessThan(1_000);

        first.socket.close().await();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonNode next;
        do {
            next = open(c).first.get(10, TimeUnit.SECONDS);
        } while (next.get("type").asText().equals("refused") && System.nanoTime() < deadline);
        assertThat(next.get("type").asText()).as("a closed replay frees its slot").isEqualTo("snapshot");
    }
}
