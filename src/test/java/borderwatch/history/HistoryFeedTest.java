package borderwatch.history;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.congestion.Congestion;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.province.Direction;
import borderwatch.service.ApiClient;
import borderwatch.service.FeedInbox;
import borderwatch.service.TestServer;
import borderwatch.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code /ws/history}: a past period replayed in business-time order, one playback per viewer. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HistoryFeedTest {

    @TempDir
    Path data;
    private TestServer server;
    /** Held for the whole test: a client nobody refers to any more is closed with its connections. */
    private WebSocketClient wsClient;

    private static Instant at(String local) {
        return OffsetDateTime.parse(local + "+07:00").toInstant();
    }

    private void record(GateReport... events) {
        server.core.commands().sendAndWait(new RecordGateEvents(List.of(events)));
    }

    @BeforeEach
    void start() {
        server = new TestServer(data, TestClock.clock());
        wsClient = server.vertx.createWebSocketClient();
        record(new VehiclesCleared("before", "tan-thanh", Direction.EXPORT, 5, at("2025-07-01T09:00:00")));
        record(new VehiclesCleared("ten", "tan-thanh", Direction.EXPORT, 7, at("2025-07-02T10:00:00")));
        record(new QueueObserved("jam", "tan-thanh", 250, 0.6, at("2025-07-02T12:00:00")));
        // Stored last but happened first: playback goes by business time.
        record(new VehiclesCleared("eight", "tan-thanh", Direction.EXPORT, 3, at("2025-07-02T08:00:00")));
        record(new VehiclesCleared("after", "tan-thanh", Direction.EXPORT, 50, at("2025-07-03T09:00:00")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WebSocket watch(String query, BlockingQueue<JsonNode> inbox) {
        return FeedInbox.connect(wsClient, server.port(), "/ws/history?" + query, inbox);
    }

    private static JsonNode tile(JsonNode snapshot, String gate) {
        for (JsonNode g : snapshot.get("gates")) {
            if (g.get("tile").get("gate").asText().equals(gate)) {
                return g.get("tile");
            }
        }
        throw new AssertionError(gate);
    }

    @Test
    void replaysAPastDayAsItHappened() throws Exception {
        BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        // Ten simulated hours a second: the day takes 2.4 s.
        watch("from=2025-07-02&to=2025-07-02&speed=36000", inbox);
        JsonNode snapshot = FeedInbox.next(inbox, "snapshot", 10);
        assertThat(snapshot.get("at").asText()).isEqualTo("2025-07-01T17:00:00Z");
        assertThat(tile(snapshot, "tan-thanh").get("exportVehiclesToday").asInt()).isZero();
        assertThat(tile(snapshot, "tan-thanh").get("turnoverYearToDateUsd")).isNotNull();

        // Every gate's tile is re-sent each second as the clock moves on; the first with a truck in it is 08:00's.
        JsonNode first = FeedInbox.next(inbox, "gate", 10, m -> m.get("tile").get("gate").asText().equals("tan-thanh")
                && m.get("tile").get("exportVehiclesToday").asInt() > 0);
        assertThat(first.get("tile").get("exportVehiclesToday").asInt()).as("08:00 comes before 10:00").isEqualTo(3);
        JsonNode alert = FeedInbox.next(inbox, "gate", 10, m -> m.get("tile").get("level").asText().equals("alert"));
        assertThat(alert.get("tile").get("exportVehiclesToday").asInt()).isEqualTo(10);
        assertThat(Instant.parse(alert.get("at").asText())).isAfterOrEqualTo(at("2025-07-02T12:00:00"));
        JsonNode done = FeedInbox.next(inbox, "history", 10, m -> m.get("done").asBoolean());
        assertThat(done.get("at").asText()).isEqualTo("2025-07-02T17:00:00Z");
        assertThat(done.get("events").asInt()).as("the day's three reports and the level they raised").isEqualTo(4);
        int liveLevel = server.core.live().query(m -> Congestion.of(m).level("tan-thanh"));
        assertThat(liveLevel).as("live is its own").isEqualTo(2);
    }

    @Test
    void eachViewerPausesAndResumesTheirOwnPlayback() throws Exception {
        BlockingQueue<JsonNode> paused = new LinkedBlockingQueue<>();
        BlockingQueue<JsonNode> playing = new LinkedBlockingQueue<>();
        WebSocket a = watch("from=2025-07-02&to=2025-07-03&speed=3600", paused);
        watch("from=2025-07-02&to=2025-07-03&speed=3600", playing);
        FeedInbox.next(paused, "snapshot", 10);
        a.writeTextMessage("{\"action\":\"pause\"}").await();
        JsonNode stopped = FeedInbox.next(paused, "history", 10, m -> !m.get("playing").asBoolean());
        Thread.sleep(1_200);
        JsonNode later = FeedInbox.next(paused, "history", 10, m -> !m.get("playing").asBoolean());
        assertThat(later.get("at").asText()).isEqualTo(stopped.get("at").asText());
        JsonNode other = FeedInbox.next(playing, "history", 10,
                m -> Instant.parse(m.get("at").asText()).isAfter(Instant.parse(stopped.get("at").asText())));
        assertThat(other.get("playing").asBoolean()).isTrue();

        a.writeTextMessage("{\"action\":\"speed\",\"speed\":360000}").await();
        a.writeTextMessage("{\"action\":\"resume\"}").await();
        JsonNode resumed = FeedInbox.next(paused, "history", 10, m -> m.get("playing").asBoolean());
        assertThat(resumed.get("speed").asDouble()).isEqualTo(360_000);
        FeedInbox.next(paused, "history", 10, m -> m.get("done").asBoolean());
    }

    @Test
    void badPeriodsAreRefused() throws Exception {
        ApiClient api = new ApiClient(server.port());
        assertThat(api.get("/ws/history?from=2025-07-03&to=2025-07-02").json().get("errors").get(0).get("field").asText())
                .isEqualTo("to");
        assertThat(api.get("/ws/history?from=2025-07-01&to=2025-08-01").status()).isEqualTo(400);
        assertThat(api.get("/ws/history?to=2025-08-01").json().get("errors").get(0).get("field").asText()).isEqualTo("from");
        assertThat(api.get("/ws/history?from=2025-07-01&to=2025-07-02&speed=-1").status()).isEqualTo(400);
        assertThat(api.get("/ws/history?from=2999-07-01&to=2999-07-02").status()).isEqualTo(400);
    }
}
