package borderwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.auth.Role;
import borderwatch.auth.Tokens;
import borderwatch.auth.TokensTest;
import borderwatch.service.ApiClient;
import borderwatch.service.TestServer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revocation reaches open sockets, legacy tokens upgrade from a cold start, wrong tokens are throttled. */
class TokenAttackTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-14T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;
    private TestServer server;
    private WebSocketClient ws;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void startServer() {
        server = new TestServer(data, CLOCK).trustingLocalProxy();
        ws = server.vertx.createWebSocketClient();
    }

    /** A drill that keeps running for the length of a test, so its board can be watched. */
    private String runningDrill() throws Exception {
        ApiClient.Reply started = new ApiClient(server.port()).post("/api/v1/drills",
                "{\"scenario\":\"harvest-peak\",\"gates\":[\"tan-thanh\"],\"days\":3,\"secondsPerDay\":600}");
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        return started.json().get("id").asText();
    }

    private List<String> feeds(String drill) {
        return List.of("/ws/live", "/ws/history?from=2025-05-01&to=2025-05-02", "/ws/drills/" + drill);
    }

    /** Opens a socket with the token in the query, as the console does; completes with its close code. */
    private CompletableFuture<Short> open(String uri, String token, CompletableFuture<Void> firstMessage) {
        CompletableFuture<Short> closed = new CompletableFuture<>();
        ClientWebSocket socket = ws.webSocket();
        socket.textMessageHandler(text -> firstMessage.complete(null));
        socket.closeHandler(v -> closed.complete(socket.closeStatusCode()));
        socket.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
                .setURI(uri + (uri.contains("?") ? "&" : "?") + "access_token=" + token)).await();
        return closed;
    }

    @Test
    void revokingATokenClosesEverySocketItOpenedWithPolicyViolation() throws Exception {
        startServer();
        String admin = server.tokens.create(Role.ADMIN, Set.of(), "admin").token();
        String drill = runningDrill();
        for (boolean elsewhere : new boolean[] {false, true}) {
            Tokens.Issued viewer = server.tokens.create(Role.VIEWER, Set.of(), "wall screen");
            Tokens.Issued other = server.tokens.create(Role.VIEWER, Set.of(), "another screen");
            List<CompletableFuture<Short>> revokedSockets = new java.util.ArrayList<>();
            for (String feed : feeds(drill)) {
                CompletableFuture<Void> first = new CompletableFuture<>();
                revokedSockets.add(open(feed, viewer.token(), first));
                first.get(10, TimeUnit.SECONDS);
            }
            CompletableFuture<Void> otherFirst = new CompletableFuture<>();
            CompletableFuture<Short> untouched = open("/ws/live", other.token(), otherFirst);
            otherFirst.get(10, TimeUnit.SECONDS);

            long revokedAt = System.nanoTime();
            if (elsewhere) {
                // As the token command would, from another process: only the file changes.
                assertThat(Tokens.open(data.resolve("tokens.json"), null).revoke(viewer.record().id())).isTrue();
            } else {
                assertThat(new ApiClient(server.port(), admin).delete("/api/v1/tokens/" + viewer.record().id()).status())
                        .isEqualTo(204);
            }
            for (CompletableFuture<Short> closed : revokedSockets) {
                assertThat(closed.get(3, TimeUnit.SECONDS)).as("close code, revoked " + (elsewhere ? "elsewhere" : "here"))
                        .isEqualTo((short) 1008);
            }
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - revokedAt)).isLessThan(2_000);
            assertThat(untouched).as("another token's socket stays open").isNotDone();
        }
    }

    @Test
    void aLegacyTokenUpgradesEveryFeedOnItsFirstUse() throws Exception {
        List<String> legacy = new java.util.ArrayList<>();
        for (String id : List.of("00000000000a", "00000000000b", "00000000000c")) {
            legacy.add(TokensTest.legacyToken(data.resolve("tokens.json"), id, Role.VIEWER));
        }
        startServer();
        String drill = runningDrill();
        List<String> feeds = feeds(drill);
        for (int i = 0; i < feeds.size(); i++) {
            CompletableFuture<Void> first = new CompletableFuture<>();
            CompletableFuture<Short> closed = open(feeds.get(i), legacy.get(i), first);
            first.get(10, TimeUnit.SECONDS);
            assertThat(closed).as(feeds.get(i)).isNotDone();
        }
        assertThat(Files.readString(data.resolve("tokens.json"))).as("all rehashed").doesNotContain("$pbkdf2$");
    }

    private static HttpResponse<String> get(int port, String token, String forwardedFor) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/board"))
                .header("Authorization", "Bearer " + token);
        if (forwardedFor != null) {
            r.header("X-Forwarded-For", forwardedFor);
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void xForwardedForIsNotBelievedFromAPeerNobodyNamedAsAProxy() throws Exception {
        server = new TestServer(data, CLOCK);
        // Every guess names another address, but nothing says this peer is a proxy: all count against it.
        for (int i = 0; i < FailedAttempts.BURST; i++) {
            assertThat(get(server.port(), "bw_" + String.format("%012x", i) + "_guess", "203.0.113." + i).statusCode())
                    .isEqualTo(401);
        }
        assertThat(get(server.port(), "bw_ffffffffffff_guess", "203.0.113.250").statusCode()).isEqualTo(429);
    }

    @Test
    void wrongTokensAreThrottledPerAddressBeforeAnyCheck() throws Exception {
        startServer();
        String viewer = server.tokens.create(Role.VIEWER, Set.of(), "duty").token();
        for (int i = 0; i < FailedAttempts.BURST; i++) {
            assertThat(get(server.port(), "bw_" + String.format("%012x", i) + "_guess", "203.0.113.7").statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> refused = get(server.port(), "bw_ffffffffffff_guess", "203.0.113.7");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(get(server.port(), viewer, "203.0.113.7").statusCode()).as("the address waits, whatever it sends")
                .isEqualTo(429);
        assertThat(get(server.port(), viewer, "203.0.113.8").statusCode()).as("other addresses are served").isEqualTo(200);
    }

    @Test
    void wrongSecretsForOneIdAreThrottledFromEveryAddressButTheRightSecretStillWorks() throws Exception {
        String legacy = TokensTest.legacyToken(data.resolve("tokens.json"), "00000000000d", Role.VIEWER);
        startServer();
        String id = "00000000000d";
        // Each wrong secret for a legacy id costs one slow check, until the id has failed too often.
        int checked = 0;
        while (get(server.port(), "bw_" + id + "_wrong" + checked, "198.51.100." + checked).statusCode() == 401) {
            checked++;
            assertThat(checked).as("wrong secrets checked before the id is throttled").isLessThanOrEqualTo(FailedAttempts.BURST + 5);
        }
        assertThat(checked).isGreaterThanOrEqualTo(FailedAttempts.BURST);
        long started = System.nanoTime();
        HttpResponse<String> refused = get(server.port(), "bw_" + id + "_wrong", "198.51.100.200");
        if (refused.statusCode() == 401) {
            // One more failure refills every few seconds; a slow machine may have earned it since the loop ended.
            started = System.nanoTime();
            refused = get(server.port(), "bw_" + id + "_wrong", "198.51.100.203");
        }
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("refused before any hash check")
                .isLessThan(1_000);
        assertThat(get(server.port(), "bw_ffffffffffee_wrong", "198.51.100.201").statusCode()).as("other ids are checked")
                .isEqualTo(401);
        // The legacy token's own slow check is held back too: its id has failed too often.
        assertThat(get(server.port(), legacy, "198.51.100.202").statusCode()).isEqualTo(429);
        Tokens.Issued fresh = server.tokens.create(Role.VIEWER, Set.of(), "fresh");
        String freshId = fresh.record().id();
        for (int i = 0; i < FailedAttempts.BURST + 5; i++) {
            get(server.port(), "bw_" + freshId + "_wrong" + i, "192.0.2." + i);
        }
        assertThat(get(server.port(), fresh.token(), "192.0.2.250").statusCode())
                .as("a cheap check still lets the right secret in: guessing an id cannot lock its owner out").isEqualTo(200);
    }
}
