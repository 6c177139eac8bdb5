package borderwatch.board;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.province.Direction;
import borderwatch.service.FeedInbox;
import borderwatch.service.HttpApi;
import borderwatch.service.TestServer;
import borderwatch.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The {@code /ws/live} protocol against a server on a random port. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LiveFeedTest {

    @TempDir
    Path data;
    private TestServer server;
    private Core core;
    private HttpApi http;
    private WebSocketClient wsClient;

    @BeforeEach
    void start() {
        server = new TestServer(data, TestClock.clock());
        core = server.core;
        http = server.http();
        wsClient = server.vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20)
                .setMaxMessageSize(1 << 22).setMaxConnections(1_000));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WebSocket connect(BlockingQueue<JsonNode> inbox) {
        return FeedInbox.connect(wsClient, http.actualPort(), "/ws/live", inbox);
    }

    private static JsonNode next(BlockingQueue<JsonNode> inbox, String type, long seconds) throws InterruptedException {
        return FeedInbox.next(inbox, type, seconds);
    }

    private void record(GateReport... events) {
        core.commands().sendAndWait(new RecordGateEvents(List.of(events)));
    }

    @Test
    void aClientGetsASnapshotThenDeltasThenHeartbeats() throws Exception {
        BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        connect(inbox);
        JsonNode snapshot = next(inbox, "snapshot", 5);
        assertThat(snapshot.get("gates")).hasSize(5);
        assertThat(snapshot.get("province").get("zone").asText()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(snapshot.get("gates").get(0).get("hourly").get("export")).hasSize(24);
        assertThat(snapshot.get("plan").has("pacePercent")).isTrue();

        record(new VehiclesCleared("d1", "chi-ma", Direction.IMPORT, 9, TestClock.now()));
        JsonNode delta = next(inbox, "gate", 2);
        assertThat(delta.get("tile").get("gate").asText()).isEqualTo("chi-ma");
        assertThat(delta.get("tile").get("importVehiclesToday").asInt()).isEqualTo(9);
        assertThat(delta.get("position").asLong()).isEqualTo(core.storage().headPosition());
        assertThat(delta.get("hour").get("import").asInt()).isEqualTo(9);
        assertThat(next(inbox, "plan", 2).get("plan").get("year").asInt()).isPositive();

        JsonNode heartbeat = next(inbox, "heartbeat", (LiveFeed.HEARTBEAT_MS / 1000) + 3);
        assertThat(heartbeat.get("position").asLong()).isEqualTo(core.storage().headPosition());
    }

    @Test
    void aGateGoesOutAtOnceWhileThePlanFollowsAtMostAboutOnceASecond() throws Exception {
        BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        connect(inbox);
        next(inbox, "snapshot", 5);
        record(new VehiclesCleared("p1", "chi-ma", Direction.IMPORT, 3, TestClock.now()));
        next(inbox, "plan", 2);
        long firstPlan = System.nanoTime();

        record(new VehiclesCleared("p2", "huu-nghi", Direction.EXPORT, 4, TestClock.now()));
        List<String> gatesBefore = new ArrayList<>();
        JsonNode plan = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (plan == null && System.nanoTime() < deadline) {
            JsonNode m = inbox.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && m.get("type").asText().equals("plan")) {
                plan = m;
            } else if (m != null && m.get("type").asText().equals("gate")) {
                gatesBefore.add(m.get("tile").get("gate").asText());
            }
        }
        long secondPlan = System.nanoTime();
        assertThat(plan).as("the plan's progress follows within 3 s").isNotNull();
        assertThat(gatesBefore).as("the gate's tile goes ahead of the plan").contains("huu-nghi");
        // Received, so allow for the first one's own delivery time.
        assertThat(TimeUnit.NANOSECONDS.toMillis(secondPlan - firstPlan)).isGreaterThanOrEqualTo(LiveFeed.SUMMARY_EVERY_MS - 300);
        assertThat(plan.get("position").asLong()).isEqualTo(core.storage().headPosition());
    }

    @Test
    void aCongestionLevelChangeReachesClientsAsTileLevelAndFeedItem() throws Exception {
        BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        connect(inbox);
        next(inbox, "snapshot", 5);
        // Tân Thanh's yard holds 450; 400 waiting is past the critical threshold of the default gates file.
        record(new GateReport.QueueObserved("jam", "tan-thanh", 400, 0.7, TestClock.now()));
        // The queue report and the level it raised may reach clients in two flushes; the level must follow.
        JsonNode gate = FeedInbox.next(inbox, "gate", 2, m -> m.get("tile").get("levelNumber").asInt() > 0);
        assertThat(gate.get("tile").get("level").asText()).isEqualTo("critical");
        assertThat(gate.get("tile").get("levelVi").asText()).isEqualTo("Nghiêm trọng");
        JsonNode feed = next(inbox, "feed", 2);
        assertThat(feed.get("items").findValuesAsText("kind")).contains("level");
    }

    @Test
    void aReconnectingClientGetsTheStateItMissed() throws Exception {
        BlockingQueue<JsonNode> first = new LinkedBlockingQueue<>();
        WebSocket ws = connect(first);
        next(first, "snapshot", 5);
        ws.close().await();
        record(new VehiclesCleared("m1", "huu-nghi", Direction.EXPORT, 31, TestClock.now()));
        assertThat(core.awaitProjected(core.storage().headPosition(), 5_000)).isTrue();

        BlockingQueue<JsonNode> again = new LinkedBlockingQueue<>();
        connect(again);
        JsonNode snapshot = next(again, "snapshot", 5);
        JsonNode huuNghi = snapshot.get("gates").get(0).get("tile");
        assertThat(huuNghi.get("gate").asText()).isEqualTo("huu-nghi");
        assertThat(huuNghi.get("exportVehiclesToday").asInt()).isEqualTo(31);
    }

    @Test
    void stalledClientsCostBoundedMemoryAndDoNotHoldUpOthers() throws Exception {
        int stalled = 200;
        List<WebSocket> sleepers = new ArrayList<>();
        for (int i = 0; i < stalled; i++) {
            WebSocket ws = connect(new LinkedBlockingQueue<>());
            ws.pause(); // never reads again: its TCP window and then the server's queue fill up
            sleepers.add(ws);
        }
        BlockingQueue<JsonNode> healthy = new LinkedBlockingQueue<>();
        connect(healthy);
        next(healthy, "snapshot", 5);

        // Enough changes over enough ticks to overflow every stalled socket's buffers many times.
        long n = 0;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
        while (System.nanoTime() < until) {
            List<GateReport> batch = new ArrayList<>();
            for (String gate : List.of("huu-nghi", "tan-thanh", "coc-nam", "chi-ma", "dong-dang")) {
                batch.add(new VehiclesCleared("s" + n++, gate, Direction.EXPORT, 1, TestClock.now()));
            }
            record(batch.toArray(GateReport[]::new));
            Thread.sleep(20);
        }
        // Keys per client: 5 gates, plan, feed, heartbeat, snapshot.
        assertThat(http.live().pendingMessages()).as("pending is bounded by clients × keys")
                .isLessThanOrEqualTo(stalled * 9);
        assertThat(http.live().clientCount()).isEqualTo(stalled + 1);

        healthy.clear();
        record(new VehiclesCleared("after", "dong-dang", Direction.IMPORT, 5, TestClock.now()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        boolean seen = false;
        while (!seen && System.nanoTime() < deadline) {
            JsonNode m = healthy.poll(100, TimeUnit.MILLISECONDS);
            seen = m != null && m.get("type").asText().equals("gate")
                    && m.get("tile").get("gate").asText().equals("dong-dang")
                    && m.get("tile").get("importVehiclesToday").asInt() == 5;
        }
        assertThat(seen).as("the healthy client still gets updates within 2 s").isTrue();
        sleepers.forEach(WebSocket::close);
    }
}
