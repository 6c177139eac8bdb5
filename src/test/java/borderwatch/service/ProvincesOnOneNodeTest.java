package borderwatch.service;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.auth.Role;
import borderwatch.auth.Tokens;
import borderwatch.core.Core;
import borderwatch.drill.Drills;
import borderwatch.metrics.ServiceMetrics;
import borderwatch.province.Province;
import borderwatch.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lạng Sơn and Lai Châu on one node, each province's data its own: {@code ?province=} picks the
 * province, a token confined to Lai Châu is refused on Lạng Sơn route by route (sockets included), and
 * the national board adds up what each province's own board shows.
 */
class ProvincesOnOneNodeTest {

    static final Clock CLOCK = TestClock.clock();

    @TempDir
    Path dir;
    private final ServiceMetrics metrics = new ServiceMetrics();
    private Core langSon;
    private Core laiChau;
    private Drills langSonDrills;
    private Drills laiChauDrills;
    private Vertx vertx;
    private Tokens tokens;
    private int port;
    private String national;
    private String laiChauCoordinator;

    @BeforeEach
    void start() {
        langSon = Core.open(dir.resolve("data"), Province.defaults(), ReadModels.ALL);
        laiChau = Core.open(dir.resolve("data/provinces/lai-chau"), Province.bundled("lai-chau"), ReadModels.ALL);
        langSonDrills = new Drills(dir.resolve("data"), Core::open, langSon.gates(), ReadModels.ALL, CLOCK);
        laiChauDrills = new Drills(dir.resolve("data/provinces/lai-chau"), Core::open, laiChau.gates(), ReadModels.ALL, CLOCK);
        tokens = Tokens.open(dir.resolve("tokens.json"), null);
        national = tokens.create(Role.COORDINATOR, Set.of(), "national").token();
        laiChauCoordinator = tokens.create(Role.COORDINATOR, Set.of(), Set.of("lai-chau"), "Lai Châu", Tokens.SERVICE).token();
        vertx = metrics.newVertx();
        HttpApi api = new HttpApi(langSon, langSonDrills, metrics, tokens, 100_000, CLOCK, "127.0.0.1", 0)
                .withMoreProvinces(List.of(new ProvinceNode(laiChau, laiChauDrills, null, null)));
        vertx.deployVerticle(api).await();
        port = api.actualPort();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
        langSonDrills.close();
        laiChauDrills.close();
        langSon.close();
        laiChau.close();
        metrics.close();
    }

    private ApiClient as(String token) {
        return new ApiClient(port, token);
    }

    private static String queue(String id, String gate, int waiting) {
        return "{\"events\":[{\"type\":\"QueueObserved\",\"id\":\"" + id + "\",\"gate\":\"" + gate
                + "\",\"waiting\":" + waiting + ",\"at\":\"" + CLOCK.instant() + "\"}]}";
    }

    @Test
    void eachProvinceAnswersForItsOwnGatesAndTheFirstWithoutAProvince() throws Exception {
        ApiClient api = as(national);
        assertThat(api.get("/api/v1/gates").json().findValuesAsText("id")).contains("tan-thanh").doesNotContain("ma-lu-thang");
        assertThat(api.get("/api/v1/gates?province=lai-chau").json().findValuesAsText("id")).contains("ma-lu-thang")
                .doesNotContain("tan-thanh");
        var unknown = api.get("/api/v1/gates?province=ha-giang");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("province");
        // Answered before the token is read: it must not list the node's provinces to anyone.
        assertThat(new ApiClient(port, "bw_000000000000_nobody").get("/api/v1/board?province=ha-giang").text())
                .doesNotContain("lai-chau", "lang-son");
        // An empty province is a mistake, not a wish for the first province's figures.
        assertThat(api.get("/api/v1/gates?province=").status()).isEqualTo(400);
        // A Lạng Sơn gate is not a Lai Châu gate: its report is refused there, and stored nothing.
        assertThat(api.post("/api/v1/events?province=lai-chau", queue("q1", "tan-thanh", 300)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/events?province=lai-chau", queue("q2", "ma-lu-thang", 70)).status()).isEqualTo(200);
        assertThat(laiChau.storage().headPosition()).isGreaterThan(0);
        assertThat(langSon.storage().headPosition()).isZero();
        // The node's own routes are not a province's.
        assertThat(api.get("/api/v1/whoami").status()).isEqualTo(200);
        assertThat(api.get("/health").status()).isEqualTo(200);
    }

    @Test
    void aTokenConfinedToLaiChauIsRefusedOnLangSonRouteByRoute() throws Exception {
        ApiClient lc = as(laiChauCoordinator);
        assertThat(lc.get("/api/v1/board?province=lai-chau").status()).isEqualTo(200);
        assertThat(lc.post("/api/v1/events?province=lai-chau", queue("q3", "ma-lu-thang", 10)).status()).isEqualTo(200);
        List<String[]> langSonRoutes = List.of(
                new String[] {"GET", "/api/v1/board"}, new String[] {"GET", "/api/v1/board?province=lang-son"},
                new String[] {"GET", "/api/v1/gates?province=lang-son"}, new String[] {"GET", "/api/v1/totals?province=lang-son&from=2026-01-01&to=2026-01-02"},
                new String[] {"GET", "/api/v1/forecast?province=lang-son"}, new String[] {"GET", "/api/v1/forecast/track-record?province=lang-son"},
                new String[] {"GET", "/api/v1/reports/2026?province=lang-son"}, new String[] {"GET", "/api/v1/plans/2026/progress?province=lang-son"},
                new String[] {"GET", "/api/v1/drills?province=lang-son"}, new String[] {"GET", "/api/v1/audit?province=lang-son"},
                new String[] {"PUT", "/api/v1/plans/2026?province=lang-son"}, new String[] {"POST", "/api/v1/events?province=lang-son"},
                new String[] {"POST", "/api/v1/gates/tan-thanh/plans/activate?province=lang-son"},
                new String[] {"POST", "/api/v1/drills?province=lang-son"}, new String[] {"POST", "/api/v1/imports?province=lang-son"});
        for (String[] route : langSonRoutes) {
            var reply = switch (route[0]) {
                case "GET" -> lc.get(route[1]);
                case "PUT" -> lc.put(route[1], "{\"exportUsd\":1,\"importUsd\":1}");
                default -> lc.post(route[1], queue("q9", "tan-thanh", 300));
            };
            assertThat(reply.status()).as(route[0] + " " + route[1] + ": " + reply.text()).isEqualTo(403);
        }
        assertThat(langSon.storage().headPosition()).as("nothing stored in Lạng Sơn").isZero();
        // The live feed of Lạng Sơn is refused too; Lai Châu's opens.
        HttpClient http = HttpClient.newHttpClient();
        URI refused = URI.create("ws://127.0.0.1:" + port + "/ws/live?province=lang-son&access_token=" + laiChauCoordinator);
        try {
            http.newWebSocketBuilder().buildAsync(refused, new WebSocket.Listener() { }).join();
            throw new AssertionError("Lạng Sơn's live feed opened for a Lai Châu token");
        } catch (CompletionException expected) {
            assertThat(expected.getCause()).isInstanceOf(java.net.http.WebSocketHandshakeException.class);
            assertThat(((java.net.http.WebSocketHandshakeException) expected.getCause()).getResponse().statusCode())
                    .isEqualTo(403);
        }
        WebSocket open = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/live?province=lai-chau&access_token=" + laiChauCoordinator),
                        new WebSocket.Listener() { }).join();
        open.abort();
    }

    @Test
    void theNationalBoardAddsUpTheProvincesOwnBoards() throws Exception {
        ApiClient api = as(national);
        assertThat(api.post("/api/v1/events?province=lai-chau", queue("q4", "ma-lu-thang", 70)).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/events", "{\"events\":[{\"type\":\"VehiclesCleared\",\"id\":\"v1\","
                + "\"gate\":\"tan-thanh\",\"direction\":\"EXPORT\",\"vehicles\":40,\"at\":\"" + CLOCK.instant()
                + "\"},{\"type\":\"VehiclesCleared\",\"id\":\"v2\",\"gate\":\"dong-dang\",\"direction\":\"EXPORT\","
                + "\"vehicles\":9,\"at\":\"" + CLOCK.instant() + "\"}]}").status()).isEqualTo(200);
        JsonNode board = api.get("/api/v1/national/board").json();
        assertThat(board.path("provinces").findValuesAsText("province")).containsExactly("lang-son", "lai-chau");
        JsonNode langSonLine = board.path("provinces").get(0);
        // Road trucks only: the railway station's wagons are not added to them.
        assertThat(langSonLine.path("roadVehiclesToday").asLong()).isEqualTo(40);
        JsonNode laiChauLine = board.path("provinces").get(1);
        assertThat(laiChauLine.path("worstLevel").asInt()).isEqualTo(2);
        assertThat(laiChauLine.path("worstGate").asText()).isEqualTo("ma-lu-thang");
        assertThat(board.path("alerts")).hasSize(1);
        assertThat(board.path("alerts").get(0).path("gate").asText()).isEqualTo("ma-lu-thang");
        // The same figures as Lai Châu's own board.
        JsonNode own = api.get("/api/v1/board?province=lai-chau").json();
        assertThat(own.path("gates").get(0).path("waiting").asInt()).isEqualTo(board.path("alerts").get(0).path("waiting").asInt());
        // A token confined to Lai Châu sees Lai Châu only.
        assertThat(as(laiChauCoordinator).get("/api/v1/national/board").json().path("provinces").findValuesAsText("province"))
                .containsExactly("lai-chau");
    }

    /** Text messages of a socket, in order. */
    private static final class Messages implements WebSocket.Listener {
        final java.util.concurrent.BlockingQueue<JsonNode> got = new java.util.concurrent.LinkedBlockingQueue<>();
        private final StringBuilder part = new StringBuilder();

        @Override
        public java.util.concurrent.CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            part.append(data);
            if (last) {
                try {
                    got.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(part.toString()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                part.setLength(0);
            }
            socket.request(1);
            return null;
        }

        JsonNode next() throws InterruptedException {
            JsonNode m = got.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(m).as("a national board within 10 s").isNotNull();
            return m;
        }
    }

    @Test
    void theNationalSocketSendsTheBoardAndAgainWhenAProvinceChanges() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Messages all = new Messages();
        Messages confined = new Messages();
        WebSocket a = http.newWebSocketBuilder().buildAsync(
                URI.create("ws://127.0.0.1:" + port + "/ws/national?access_token=" + national), all).join();
        WebSocket c = http.newWebSocketBuilder().buildAsync(
                URI.create("ws://127.0.0.1:" + port + "/ws/national?access_token=" + laiChauCoordinator), confined).join();
        try {
            JsonNode first = all.next();
            assertThat(first.path("type").asText()).isEqualTo("national");
            assertThat(first.path("board").path("provinces").findValuesAsText("province")).containsExactly("lang-son", "lai-chau");
            assertThat(first.path("board").path("alerts")).isEmpty();
            assertThat(confined.next().path("board").path("provinces").findValuesAsText("province")).containsExactly("lai-chau");
            assertThat(as(national).post("/api/v1/events?province=lai-chau", queue("q5", "ma-lu-thang", 70)).status())
                    .isEqualTo(200);
            JsonNode changed = all.next();
            while (changed.path("board").path("alerts").isEmpty()) {
                changed = all.next();
            }
            assertThat(changed.path("board").path("alerts").get(0).path("gate").asText()).isEqualTo("ma-lu-thang");
            assertThat(changed.path("board").path("alerts").get(0).path("waiting").asInt()).isEqualTo(70);
            // It is the board GET /api/v1/national/board answers.
            assertThat(changed.path("board").path("alerts"))
                    .isEqualTo(as(national).get("/api/v1/national/board").json().path("alerts"));
        } finally {
            a.abort();
            c.abort();
        }
        // Refused like every route: no token, a revoked one.
        try {
            http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/national"),
                    new WebSocket.Listener() { }).join();
            throw new AssertionError("the national socket opened without a token");
        } catch (CompletionException expected) {
            assertThat(((java.net.http.WebSocketHandshakeException) expected.getCause()).getResponse().statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void theNationalReportAddsUpTheProvincesOwnReportsToTheDigit() throws Exception {
        ApiClient api = as(national);
        int year = CLOCK.instant().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        assertThat(api.put("/api/v1/plans/" + year, "{\"exportUsd\":3000000000,\"importUsd\":2000000000}").status())
                .isEqualTo(200);
        assertThat(api.put("/api/v1/plans/" + year + "?province=lai-chau", "{\"totalUsd\":40600000,\"exportUsd\":20000000,"
                + "\"importUsd\":20600000,\"localExportUsd\":9270000}").status()).isEqualTo(200);
        String at = CLOCK.instant().toString();
        assertThat(api.post("/api/v1/events", "{\"events\":[{\"type\":\"TurnoverRecorded\",\"id\":\"t1\",\"gate\":"
                + "\"tan-thanh\",\"direction\":\"EXPORT\",\"usd\":\"1234567.89\",\"at\":\"" + at + "\"}]}").status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/events?province=lai-chau", "{\"events\":[{\"type\":\"TurnoverRecorded\",\"id\":\"t2\","
                + "\"gate\":\"ma-lu-thang\",\"direction\":\"IMPORT\",\"usd\":\"406000.01\",\"at\":\"" + at + "\"}]}")
                .status()).isEqualTo(200);
        JsonNode nationalReport = api.get("/api/v1/national/reports/" + year + "?period=ytd").json().path("report");
        JsonNode rows = nationalReport.path("provinces");
        assertThat(rows.findValuesAsText("province")).containsExactly("lang-son", "lai-chau");
        for (JsonNode row : rows) {
            String province = row.path("province").asText();
            JsonNode own = api.get("/api/v1/reports/" + year + "?period=ytd&province=" + province).json().path("report")
                    .path("summary").path("total");
            assertThat(row.path("totalUsd").decimalValue()).as(province).isEqualByComparingTo(own.path("yearToDateUsd").decimalValue());
            assertThat(row.path("percentOfPlan").decimalValue()).as(province).isEqualByComparingTo(own.path("percentOfPlan").decimalValue());
        }
        assertThat(nationalReport.path("total").path("totalUsd").decimalValue()).isEqualByComparingTo("1640567.90");
        // 1.640.567,90 of 5.040,6 million: 0,03%.
        assertThat(nationalReport.path("total").path("planUsd").decimalValue()).isEqualByComparingTo("5040600000");
        String html = api.get("/api/v1/national/reports/" + year + "?period=ytd&format=html").text();
        assertThat(html).contains("BỘ CÔNG THƯƠNG", "Lạng Sơn", "Lai Châu", "Toàn quốc", "1,23", "0,41");
        var docx = api.get("/api/v1/national/reports/" + year + "?period=ytd&format=docx");
        assertThat(docx.status()).isEqualTo(200);
        // A token confined to Lai Châu gets Lai Châu's line only.
        assertThat(as(laiChauCoordinator).get("/api/v1/national/reports/" + year + "?period=ytd").json().path("report")
                .path("provinces").findValuesAsText("province")).containsExactly("lai-chau");
    }

    @Test
    void anAdminConfinedToAProvinceIssuesListsAndRevokesWithinIt() throws Exception {
        String laiChauAdmin = tokens.create(Role.ADMIN, Set.of(), Set.of("lai-chau"), "Lai Châu admin", Tokens.SERVICE).token();
        ApiClient admin = as(laiChauAdmin);
        var viewer = admin.post("/api/v1/tokens", "{\"role\":\"viewer\",\"label\":\"a viewer\"}");
        assertThat(viewer.status()).isEqualTo(201);
        assertThat(viewer.json().path("provinces").get(0).asText()).as("confined like its issuer").isEqualTo("lai-chau");
        var outside = admin.post("/api/v1/tokens", "{\"role\":\"viewer\",\"provinces\":[\"lang-son\"]}");
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().path("errors").get(0).path("field").asText()).isEqualTo("provinces");
        assertThat(admin.post("/api/v1/tokens", "{\"role\":\"viewer\",\"provinces\":[\"ha-giang\"]}").status())
                .isEqualTo(400);
        // It sees its province's tokens, not the national ones, and may not revoke those.
        var listed = admin.get("/api/v1/tokens").json().path("tokens");
        assertThat(listed.findValuesAsText("label")).contains("a viewer", "Lai Châu", "Lai Châu admin").doesNotContain("national");
        String nationalId = tokens.list().stream().filter(r -> "national".equals(r.label())).findFirst().orElseThrow().id();
        assertThat(admin.delete("/api/v1/tokens/" + nationalId).status()).isEqualTo(403);
        assertThat(as(national).get("/api/v1/whoami").json().path("provinces")).isEmpty();
        assertThat(admin.get("/api/v1/whoami").json().path("provinces").get(0).asText()).isEqualTo("lai-chau");
        // The token audit is per province: Lai Châu's shows the viewer issued there and who issued it;
        // Lạng Sơn's does not show a token that cannot act in Lạng Sơn.
        JsonNode laiChauAudit = admin.get("/api/v1/audit?province=lai-chau&kind=decision").json().path("entries");
        JsonNode issued = null;
        for (JsonNode e : laiChauAudit) {
            if ("a viewer".equals(e.path("reason").asText())) {
                issued = e;
            }
        }
        assertThat(issued).as("the viewer's issue in Lai Châu's audit").isNotNull();
        assertThat(issued.path("subjectProvinces").get(0).asText()).isEqualTo("lai-chau");
        assertThat(issued.path("provinces").get(0).asText()).as("the issuer's provinces").isEqualTo("lai-chau");
        assertThat(as(national).get("/api/v1/audit?kind=decision").json().path("entries").findValuesAsText("reason"))
                .doesNotContain("a viewer", "Lai Châu admin").contains("national");
    }
}
