package borderwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import borderwatch.service.ApiClient;
import borderwatch.service.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports that name their goods group: refused where the goods may not leave, counted by group where they may. */
class GoodsReportsTest {

    /** 09:00 on 14 May 2025 in Lạng Sơn. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-14T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;
    private TestServer server;
    private Core core;
    private ApiClient api;

    @BeforeEach
    void start() {
        server = new TestServer(data, CLOCK);
        core = server.core;
        api = new ApiClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String event(String id, String type, String gate, String fields) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"gate\":\"" + gate
                + "\",\"at\":\"2025-05-14T08:15:00+07:00\"," + fields + "}";
    }

    private static String batch(String... events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    @Test
    void fruitMayNotBeExportedAtChiMaAndTheWholeBatchIsRefused() throws Exception {
        long head = core.storage().headPosition();
        ApiClient.Reply r = api.post("/api/v1/events", batch(
                event("ok", "VehiclesCleared", "tan-thanh", "\"direction\":\"EXPORT\",\"vehicles\":3,\"goods\":\"fruit\""),
                event("bad", "VehiclesCleared", "chi-ma", "\"direction\":\"EXPORT\",\"vehicles\":3,\"goods\":\"fruit\"")));
        assertThat(r.status()).isEqualTo(400);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("index").asInt()).isEqualTo(1);
        assertThat(error.get("field").asText()).isEqualTo("goods");
        assertThat(error.get("message").asText()).contains("chi-ma may not export 'fruit'").contains("other");
        assertThat(core.storage().headPosition()).isEqualTo(head);
    }

    @Test
    void unknownGoodsLocalImportsAndWrongTypesAreRefusedFieldByField() throws Exception {
        ApiClient.Reply r = api.post("/api/v1/events", batch(
                event("a", "VehiclesCleared", "tan-thanh", "\"direction\":\"EXPORT\",\"vehicles\":3,\"goods\":\"rice\""),
                event("b", "TurnoverRecorded", "huu-nghi", "\"direction\":\"IMPORT\",\"usd\":10,\"localOrigin\":true"),
                event("c", "TurnoverRecorded", "huu-nghi", "\"direction\":\"EXPORT\",\"usd\":10,\"localOrigin\":\"yes\""),
                event("d", "QueueObserved", "huu-nghi", "\"waiting\":3,\"goods\":\"fruit\"")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsText("field"))
                .containsExactly("goods", "localOrigin", "localOrigin", "goods");
        assertThat(r.json().get("errors").get(0).get("message").asText()).contains("fruit, other-produce, other");
        // Importing fruit through Chi Ma is allowed: only exports are restricted.
        assertThat(api.post("/api/v1/events", batch(event("e", "VehiclesCleared", "chi-ma",
                "\"direction\":\"IMPORT\",\"vehicles\":2,\"goods\":\"fruit\""))).status()).isEqualTo(200);
    }

    @Test
    void theBoardShowsExportsTodayByGoodsAndTheFruitShare() throws Exception {
        ApiClient.Reply r = api.post("/api/v1/events", batch(
                event("v1", "VehiclesCleared", "tan-thanh", "\"direction\":\"EXPORT\",\"vehicles\":8,\"goods\":\"fruit\""),
                event("v2", "VehiclesCleared", "tan-thanh", "\"direction\":\"EXPORT\",\"vehicles\":1,\"goods\":\"other\""),
                event("v3", "VehiclesCleared", "chi-ma", "\"direction\":\"EXPORT\",\"vehicles\":1"),
                event("t1", "TurnoverRecorded", "tan-thanh",
                        "\"direction\":\"EXPORT\",\"usd\":\"2500.50\",\"goods\":\"fruit\",\"localOrigin\":true")));
        assertThat(r.status()).isEqualTo(200);
        JsonNode board = api.get("/api/v1/board").json();
        // 8 of 10 export trucks today carried fruit.
        assertThat(board.get("goodsToday").get("watchedGoods").asText()).isEqualTo("fruit");
        assertThat(board.get("goodsToday").get("watchedSharePercent").decimalValue()).isEqualByComparingTo("80.0");
        JsonNode tanThanh = board.get("gates").get(1);
        assertThat(tanThanh.get("gate").asText()).isEqualTo("tan-thanh");
        assertThat(tanThanh.get("exportsByGoods").findValuesAsText("group")).containsExactly("fruit", "other");
        assertThat(tanThanh.get("exportsByGoods").get(0).get("exportVehicles").asLong()).isEqualTo(8);
        assertThat(tanThanh.get("exportsByGoods").get(0).get("exportUsd").decimalValue()).isEqualByComparingTo("2500.50");
        JsonNode chiMa = board.get("gates").get(3);
        assertThat(chiMa.get("exportsByGoods").get(0).get("nameEn").asText()).isEqualTo("Unclassified");
        // The metrics carry the group.
        String metrics = server.metrics.scrape();
        assertThat(metrics).contains("borderwatch_vehicles_cleared_total{direction=\"export\",gate=\"tan-thanh\",goods=\"fruit\",province=\"lang-son\"} 8.0");
    }
}
