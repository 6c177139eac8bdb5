package borderwatch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.auth.Role;
import borderwatch.auth.Tokens;
import borderwatch.service.ApiClient;
import borderwatch.service.TestServer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may do what: every write endpoint refuses a missing or bad token (401) and a role that falls short (403). */
class AccessTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-14T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    private TestServer server;
    private String feed;
    private String viewer;
    private String coordinator;
    private String admin;
    private int calls;

    private record Endpoint(String method, String path, String body, Role least) {
    }

    private static final String EVENT = "{\"events\":[{\"id\":\"a-1\",\"type\":\"VehiclesCleared\",\"gate\":\"tan-thanh\","
            + "\"at\":\"2025-05-14T08:15:00+07:00\",\"direction\":\"EXPORT\",\"vehicles\":3}]}";

    /** Every write the API has, with the least role that may make it. */
    private static final List<Endpoint> WRITES = List.of(
            new Endpoint("POST", "/api/v1/events", EVENT, Role.FEED),
            new Endpoint("PUT", "/api/v1/plans/2025", "{\"exportUsd\":1,\"importUsd\":1}", Role.COORDINATOR),
            new Endpoint("POST", "/api/v1/gates/tan-thanh/plans/activate", "{\"level\":2,\"by\":\"Lan\",\"reason\":\"x\"}",
                    Role.COORDINATOR),
            new Endpoint("POST", "/api/v1/gates/tan-thanh/plans/deactivate", "{\"by\":\"Lan\",\"reason\":\"x\"}",
                    Role.COORDINATOR),
            new Endpoint("POST", "/api/v1/drills", "{\"scenario\":\"harvest-peak\"}", Role.COORDINATOR),
            new Endpoint("POST", "/api/v1/drills/none/stop", "{}", Role.COORDINATOR),
            new Endpoint("POST", "/api/v1/drills/none/gates/tan-thanh/plans/activate", "{}", Role.COORDINATOR),
            new Endpoint("POST", "/api/v1/drills/none/gates/tan-thanh/plans/deactivate", "{}", Role.COORDINATOR),
            new Endpoint("POST", "/api/v1/imports", "date,gate\n", Role.COORDINATOR),
            new Endpoint("POST", "/api/v1/tokens", "{\"role\":\"viewer\"}", Role.ADMIN),
            new Endpoint("DELETE", "/api/v1/tokens/none", null, Role.ADMIN));

    @BeforeEach
    void start() {
        server = new TestServer(data, CLOCK).trustingLocalProxy();
        feed = server.tokens.create(Role.FEED, Set.of("tan-thanh"), "Tân Thanh gate system").token();
        viewer = server.tokens.create(Role.VIEWER, Set.of(), "duty officer").token();
        coordinator = server.tokens.create(Role.COORDINATOR, Set.of(), "coordinator").token();
        admin = server.tokens.create(Role.ADMIN, Set.of(), "admin").token();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApiClient.Reply call(Endpoint e, String token) throws Exception {
        HttpRequest.BodyPublisher body = e.body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(e.body);
        // Each call as from its own address: this test counts refusals, not the throttle on failures.
        return new ApiClient(server.port(), token).send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + e.path))
                .header("X-Forwarded-For", "198.18.0." + (++calls % 250))
                .header("content-type", e.path.endsWith("imports") ? "text/csv" : "application/json")
                .method(e.method, body).build());
    }

    private static boolean allows(Role holder, Role least) {
        return switch (least) {
            case FEED -> holder == Role.FEED || holder.mayCoordinate();
            case VIEWER -> holder.mayView();
            case COORDINATOR -> holder.mayCoordinate();
            case ADMIN -> holder.mayAdminister();
        };
    }

    @Test
    void everyWriteRefusesAMissingOrWrongTokenAndARoleThatFallsShort() throws Exception {
        for (Endpoint e : WRITES) {
            for (String bad : new String[] {null, "", "nonsense", "bw_000000000000_forged", feed + "x"}) {
                ApiClient.Reply r = call(e, bad);
                assertThat(r.status()).as(e.method + " " + e.path + " with token " + bad).isEqualTo(401);
                assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("authorization");
            }
            for (var holder : List.of(java.util.Map.entry(Role.FEED, feed), java.util.Map.entry(Role.VIEWER, viewer),
                    java.util.Map.entry(Role.COORDINATOR, coordinator), java.util.Map.entry(Role.ADMIN, admin))) {
                ApiClient.Reply r = call(e, holder.getValue());
                String what = e.method + " " + e.path + " as " + holder.getKey();
                if (allows(holder.getKey(), e.least)) {
                    assertThat(r.status()).as(what + ": " + r.text()).isNotIn(401, 403);
                } else {
                    assertThat(r.status()).as(what + ": " + r.text()).isEqualTo(403);
                    assertThat(r.text()).contains("may not");
                }
            }
        }
    }

    @Test
    void aRefusedWriteStoresNothing() throws Exception {
        assertThat(call(WRITES.get(0), viewer).status()).isEqualTo(403);
        assertThat(call(WRITES.get(0), null).status()).isEqualTo(401);
        assertThat(server.core.storage().headPosition()).isZero();
    }

    @Test
    void aFeedReportsForItsOwnGatesOnly() throws Exception {
        ApiClient feedClient = new ApiClient(server.port(), feed);
        ApiClient.Reply other = feedClient.post("/api/v1/events", EVENT.replace("\"a-1\"", "\"b-1\"")
                .replace("\"tan-thanh\"", "\"huu-nghi\""));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("errors").get(0).get("field").asText()).isEqualTo("gate");
        assertThat(other.json().get("errors").get(0).get("index").asInt()).isZero();
        assertThat(server.core.storage().headPosition()).isZero();

        assertThat(feedClient.post("/api/v1/events", EVENT).status()).isEqualTo(200);
        assertThat(feedClient.get("/api/v1/board").status()).as("a feed does not read the board").isEqualTo(403);
    }

    @Test
    void readsNeedAViewerAndTheFeedsTooOnTheirSocket() throws Exception {
        for (String path : List.of("/api/v1/board", "/api/v1/gates", "/api/v1/totals?from=2025-05-01&to=2025-05-14",
                "/api/v1/reports/2025", "/api/v1/plans/2025/progress", "/api/v1/drills")) {
            assertThat(new ApiClient(server.port(), null).get(path).status()).as(path).isEqualTo(401);
            assertThat(new ApiClient(server.port(), viewer).get(path).status()).as(path).isNotIn(401, 403);
        }
        assertThat(new ApiClient(server.port(), viewer).get("/api/v1/tokens").status()).isEqualTo(403);
        assertThat(new ApiClient(server.port(), null).get("/health/ready").status()).as("health stays open").isEqualTo(200);

        WebSocketClient ws = server.vertx.createWebSocketClient();
        assertThatThrownBy(() -> ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
                .setURI("/ws/live")).await()).hasMessageContaining("401");
        assertThat(ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
                .setURI("/ws/live?access_token=" + viewer)).await().isClosed()).isFalse();
    }

    @Test
    void adminsIssueAndRevokeTokensWhichAreStoredOnlyAsHashes() throws Exception {
        ApiClient admins = new ApiClient(server.port(), admin);
        ApiClient.Reply issued = admins.post("/api/v1/tokens", "{\"role\":\"feed\",\"gates\":[\"chi-ma\"],\"label\":\"Chi Ma\"}");
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().get("token").asText();
        String id = issued.json().get("id").asText();
        assertThat(Files.readString(data.resolve("tokens.json"))).contains(id, "sha256:").doesNotContain(token,
                token.split("_", 3)[2]);
        assertThat(admins.get("/api/v1/tokens").text()).contains(id).doesNotContain("sha256");
        assertThat(new ApiClient(server.port(), token).get("/api/v1/whoami").json().get("role").asText()).isEqualTo("feed");

        assertThat(admins.post("/api/v1/tokens", "{\"role\":\"feed\"}").status()).isEqualTo(400);
        assertThat(admins.post("/api/v1/tokens", "{\"role\":\"viewer\",\"gates\":null,\"label\":null}").status())
                .as("null is an absent optional field").isEqualTo(201);
        // A misspelt or unknown field is refused with every other problem of the body, not ignored.
        ApiClient.Reply unknown = admins.post("/api/v1/tokens", "{\"role\":\"viewer\",\"expires\":\"never\",\"lable\":\"x\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors")).extracting(e -> e.get("field").asText()).containsExactly("expires", "lable");
        assertThat(admins.post("/api/v1/tokens", "{\"role\":\"king\"}").json().get("errors").get(0).get("field").asText())
                .isEqualTo("role");
        assertThat(admins.post("/api/v1/tokens", "{\"role\":\"feed\",\"gates\":[\"atlantis\"]}").status()).isEqualTo(400);

        assertThat(admins.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
        assertThat(new ApiClient(server.port(), token).get("/api/v1/whoami").status()).isEqualTo(401);
        assertThat(admins.delete("/api/v1/tokens/" + id).status()).isEqualTo(404);
    }

    @Test
    void aTokenRevokedByAnotherProcessStopsWorkingWithinASecondOrTwo() throws Exception {
        ApiClient viewers = new ApiClient(server.port(), viewer);
        assertThat(viewers.get("/api/v1/board").status()).isEqualTo(200);
        Tokens elsewhere = Tokens.open(data.resolve("tokens.json"), null);
        String id = viewer.split("_")[1];
        Thread.sleep(20); // a file time that differs from the last write
        assertThat(elsewhere.revoke(id)).isTrue();
        long deadline = System.currentTimeMillis() + 5_000;
        while (viewers.get("/api/v1/board").status() != 401) {
            assertThat(System.currentTimeMillis()).as("revocation noticed").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void theConsoleComesWithSecurityHeaders() throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self';", "script-src 'self';", "frame-ancestors 'none'").doesNotContain("'self' 'self'"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.body()).doesNotContain("<script>").doesNotContain("type=\"importmap\"");
    }

    @Test
    void aBootstrapTokenMustBeLongEnough() {
        assertThatThrownBy(() -> Tokens.open(data.resolve("t.json"), "short-secret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32");
        Tokens ok = Tokens.open(data.resolve("t.json"), "x".repeat(32));
        assertThat(ok.authenticate("x".repeat(32))).hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(Role.COORDINATOR));
        assertThat(ok.authenticate("x".repeat(31))).isEmpty();
    }

    @Test
    void aWallOfScreensSharingOneViewerTokenAllGetBackInButAFeedLoopIsStopped() throws Exception {
        server.limitRequests(5); // requests: bursts of 10; feeds opened: bursts of 100
        WebSocketClient ws = server.vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(400));
        List<io.vertx.core.Future<io.vertx.core.http.WebSocket>> wall = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            wall.add(ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
                    .setURI("/ws/live").addHeader("Authorization", "Bearer " + viewer)));
        }
        for (var screen : wall) {
            assertThat(screen.await().isClosed()).as("every screen of the wall is back").isFalse();
        }
        // The same token's ordinary requests keep their own, smaller budget.
        int refused = 0;
        for (int i = 0; i < 30; i++) {
            refused += new ApiClient(server.port(), viewer).get("/api/v1/gates").status() == 429 ? 1 : 0;
        }
        assertThat(refused).as("requests beyond their burst").isPositive();
        // A client opening feeds in a loop runs out of its budget. They are sent at once: one after the
        // other, a loaded machine may open them no faster than the budget refills.
        List<io.vertx.core.Future<io.vertx.core.http.WebSocket>> loop = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            loop.add(ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
                    .setURI("/ws/live").addHeader("Authorization", "Bearer " + viewer)));
        }
        int feedsRefused = 0;
        for (var feed : loop) {
            try {
                feed.await().close();
            } catch (Exception e) {
                assertThat(e).hasMessageContaining("429");
                feedsRefused++;
            }
        }
        assertThat(feedsRefused).as("feeds opened beyond their burst").isPositive();
    }
}
