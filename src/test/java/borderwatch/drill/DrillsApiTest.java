package borderwatch.drill;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.congestion.ActiveResponsePlan;
import borderwatch.congestion.Congestion;
import borderwatch.core.Core;
import borderwatch.service.ApiClient;
import borderwatch.service.FeedInbox;
import borderwatch.service.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.WebSocketClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Scenario drills through the API: the sandbox, its result, its plans, its watchers, and isolation. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DrillsApiTest {

    /** 09:00 on 14 May 2025 in Lạng Sơn. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-14T02:00:00Z"), ZoneOffset.UTC);
    private static final String HARVEST = "{\"scenario\":\"harvest-peak\",\"gates\":[\"tan-thanh\"],"
            + "\"exportSurgePercent\":40,\"days\":3,\"secondsPerDay\":1";

    @TempDir
    Path data;
    private TestServer server;
    private Core core;
    private ApiClient api;
    /** Held for the whole test: a client nobody refers to any more is closed with its connections. */
    private WebSocketClient wsClient;

    @BeforeEach
    void start() {
        server = new TestServer(data, CLOCK);
        core = server.core;
        api = new ApiClient(server.port());
        wsClient = server.vertx.createWebSocketClient();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode awaitEnded(String id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            JsonNode d = api.get("/api/v1/drills/" + id).json();
            if (!d.get("state").asText().equals("running")) {
                return d;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("drill " + id + " did not end within 90 s");
    }

    private static JsonNode gate(JsonNode lane, String gate) {
        for (JsonNode g : lane) {
            if (g.get("gate").asText().equals(gate)) {
                return g;
            }
        }
        throw new AssertionError("no " + gate + " in " + lane);
    }

    @Test
    void aHarvestPeakDrillRaisesLevelsInItsSandboxAndLeavesTheLiveSideUntouched() throws Exception {
        String events = "{\"events\":[{\"id\":\"real-1\",\"type\":\"QueueObserved\",\"gate\":\"tan-thanh\","
                + "\"at\":\"2025-05-14T08:15:00+07:00\",\"waiting\":40,\"yardOccupancy\":0.1},"
                + "{\"id\":\"real-2\",\"type\":\"VehiclesCleared\",\"gate\":\"tan-thanh\",\"direction\":\"EXPORT\","
                + "\"at\":\"2025-05-14T08:20:00+07:00\",\"vehicles\":12}]}";
        assertThat(api.post("/api/v1/events", events).status()).isEqualTo(200);
        String board = api.get("/api/v1/board").text();
        String totals = api.get("/api/v1/totals?from=2025-01-01&to=2025-12-31").text();
        long head = core.storage().headPosition();

        ApiClient.Reply started = api.post("/api/v1/drills", HARVEST + ",\"plan\":{\"gate\":\"tan-thanh\",\"level\":2}}");
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        String id = started.json().get("id").asText();
        assertThat(started.json().get("simulated").get("from").asText()).isEqualTo("2025-05-13T23:00:00Z");
        JsonNode drill = awaitEnded(id);

        assertThat(drill.get("state").asText()).isEqualTo("finished");
        assertThat(drill.get("progress").asDouble()).isEqualTo(1.0);
        JsonNode baseline = gate(drill.get("result").get("baseline"), "tan-thanh");
        JsonNode withPlan = gate(drill.get("result").get("drill"), "tan-thanh");
        // Without a plan the queue reaches alert and keeps growing; the diversion at alert brings it down.
        assertThat(baseline.get("levelReachedAt").has("watch")).isTrue();
        assertThat(baseline.get("levelReachedAt").has("alert")).isTrue();
        assertThat(baseline.get("plans")).isEmpty();
        assertThat(withPlan.get("plans")).hasSize(1);
        assertThat(withPlan.get("plans").get(0).get("by").asText()).isEqualTo("drill");
        assertThat(withPlan.get("plans").get(0).get("level").asInt()).isEqualTo(2);
        assertThat(withPlan.get("peakWaiting").asInt()).isLessThan(baseline.get("peakWaiting").asInt());
        assertThat(withPlan.get("truckHoursWaiting").asDouble()).isLessThan(baseline.get("truckHoursWaiting").asDouble());
        double hours = 0;
        for (JsonNode h : baseline.get("hoursAtLevel")) {
            hours += h.asDouble();
        }
        assertThat(hours).isBetween(71.8, 72.2);
        // Diverted exports show up at Cốc Nam in the drill only.
        assertThat(gate(drill.get("result").get("drill"), "coc-nam").get("exportCleared").asLong())
                .isGreaterThan(gate(drill.get("result").get("baseline"), "coc-nam").get("exportCleared").asLong());

        assertThat(api.get("/api/v1/board").text()).isEqualTo(board);
        assertThat(api.get("/api/v1/totals?from=2025-01-01&to=2025-12-31").text()).isEqualTo(totals);
        assertThat(core.storage().headPosition()).isEqualTo(head);
        List<String> realIds = new ArrayList<>();
        core.storage().scan(0, head, e -> realIds.add(String.valueOf(e.payload())));
        assertThat(realIds).hasSize(2).noneMatch(s -> s.contains("drill-") || s.contains("baseline-"));
        assertThat(Files.exists(data.resolve("drills").resolve(id).resolve("drill").resolve(Core.STORE_FILE))).isTrue();
    }

    @Test
    void badDrillRequestsAreRefusedWithEveryReasonAndStartNothing() throws Exception {
        ApiClient.Reply r = api.post("/api/v1/drills", "{\"scenario\":\"flood\",\"gates\":[\"mong-cai\",\"tan-thanh\","
                + "\"tan-thanh\"],\"days\":0,\"secondsPerDay\":\"fast\",\"plan\":{\"gate\":\"tan-thanh\",\"level\":9},"
                + "\"colour\":\"red\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsText("field"))
                .contains("scenario", "gates", "days", "secondsPerDay", "plan.level", "colour");
        assertThat(api.post("/api/v1/drills", "{\"scenario\":\"harvest-peak\"}").json().get("errors")
                .findValuesAsText("field")).containsExactly("gates");
        assertThat(api.post("/api/v1/drills", "{\"scenario\":\"gate-closure\",\"gates\":[\"chi-ma\"],\"hours\":30,"
                + "\"days\":1}").json().get("errors").findValuesAsText("field")).containsExactly("hours");
        assertThat(api.post("/api/v1/drills", "[1]").status()).isEqualTo(400);
        // Fruit cannot be diverted to Chi Ma, nor can a harvest peak happen where fruit may not leave.
        ApiClient.Reply toChiMa = api.post("/api/v1/drills", "{\"scenario\":\"harvest-peak\",\"gates\":[\"huu-nghi\"],"
                + "\"plan\":{\"gate\":\"huu-nghi\",\"level\":2,\"divertTo\":\"chi-ma\"}}");
        assertThat(toChiMa.status()).isEqualTo(400);
        assertThat(toChiMa.json().get("errors").findValuesAsText("field")).containsExactly("plan.divertTo");
        assertThat(toChiMa.json().get("errors").get(0).get("message").asText())
                .contains("chi-ma may not export 'fruit'");
        assertThat(api.post("/api/v1/drills", "{\"scenario\":\"harvest-peak\",\"gates\":[\"chi-ma\"]}").json()
                .get("errors").get(0).get("message").asText()).contains("chi-ma may not export 'fruit'");
        assertThat(api.get("/api/v1/drills").json().get("drills")).isEmpty();
        assertThat(data.resolve("drills")).doesNotExist();
        assertThat(api.get("/api/v1/drills/nope").status()).isEqualTo(404);
    }

    @Test
    void coordinatorsActOnTheSandboxWatchItTogetherAndStopIt() throws Exception {
        ApiClient.Reply started = api.post("/api/v1/drills",
                "{\"scenario\":\"gate-closure\",\"gates\":[\"huu-nghi\"],\"hours\":8,\"secondsPerDay\":3600}");
        assertThat(started.status()).isEqualTo(201);
        String id = started.json().get("id").asText();
        assertThat(started.json().get("parameters").get("days").asInt()).isEqualTo(1);

        BlockingQueue<JsonNode> first = new LinkedBlockingQueue<>();
        BlockingQueue<JsonNode> second = new LinkedBlockingQueue<>();
        watch(id, first);
        watch(id, second);
        for (BlockingQueue<JsonNode> inbox : List.of(first, second)) {
            JsonNode snapshot = inbox.poll(10, TimeUnit.SECONDS);
            assertThat(snapshot).isNotNull();
            assertThat(snapshot.get("type").asText()).isEqualTo("snapshot");
            // The sandbox board runs on the drill's clock, from 06:00 on the drill's first day.
            assertThat(Instant.parse(snapshot.get("at").asText())).isBetween(Instant.parse("2025-05-13T23:00:00Z"),
                    Instant.parse("2025-05-14T23:00:00Z"));
        }

        String activate = "/api/v1/drills/" + id + "/gates/huu-nghi/plans/activate";
        assertThat(api.post(activate, "{\"level\":2,\"by\":\"Lan\"}").json().get("errors").findValuesAsText("field"))
                .containsExactly("reason");
        ApiClient.Reply on = api.post(activate, "{\"level\":2,\"by\":\"Lan\",\"reason\":\"rehearse the diversion\"}");
        assertThat(on.status()).as(on.text()).isEqualTo(200);
        Optional<ActiveResponsePlan> live = core.live().query(m -> Congestion.of(m).activeResponsePlan("huu-nghi"));
        Optional<ActiveResponsePlan> sandbox = server.drills.find(id).orElseThrow().sandbox().live()
                .query(m -> Congestion.of(m).activeResponsePlan("huu-nghi"));
        assertThat(live).isEmpty();
        assertThat(sandbox.map(ActiveResponsePlan::by)).contains("Lan");
        JsonNode plan = FeedInbox.next(first, "gate", 10, m -> m.get("tile").get("gate").asText().equals("huu-nghi")
                && m.get("tile").get("activePlan").hasNonNull("by"));
        assertThat(plan.get("tile").get("activePlan").get("level").asInt()).isEqualTo(2);

        assertThat(api.post("/api/v1/drills/" + id + "/stop", "{}").status()).isEqualTo(202);
        JsonNode ended = awaitEnded(id);
        assertThat(ended.get("state").asText()).isEqualTo("stopped");
        assertThat(ended.get("progress").asDouble()).isLessThan(1.0);
        assertThat(gate(ended.get("result").get("drill"), "huu-nghi").get("plans").get(0).get("by").asText())
                .isEqualTo("Lan");
        assertThat(api.post("/api/v1/drills/" + id + "/gates/huu-nghi/plans/deactivate",
                "{\"by\":\"Lan\",\"reason\":\"done\"}").status()).isEqualTo(409);
        assertThat(api.post("/api/v1/drills/nope/gates/huu-nghi/plans/activate", "{}").status()).isEqualTo(404);
    }

    private void watch(String id, BlockingQueue<JsonNode> inbox) {
        FeedInbox.connect(wsClient, server.port(), "/ws/drills/" + id, inbox);
    }
}
