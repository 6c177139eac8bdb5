package borderwatch.tradeplan;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The local-goods export target and targets per goods group, set through the API and followed in progress. */
class PlanTargetsTest {

    /** 9 May 2025, day 129 of 365. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-09T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;
    private TestServer server;
    private ApiClient api;

    @BeforeEach
    void start() {
        server = new TestServer(data, CLOCK);
        api = new ApiClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void localAndGoodsTargetsAreKeptAndReportedInProgress() throws Exception {
        ApiClient.Reply set = api.put("/api/v1/plans/2025", """
                {"exportUsd": 3000000, "importUsd": 2000000, "localExportUsd": "100000",
                 "goodsExportUsd": {"fruit": 2400000}}""");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("localExportUsd").decimalValue()).isEqualByComparingTo("100000");
        assertThat(api.post("/api/v1/events", """
                {"events":[{"id":"t1","type":"TurnoverRecorded","gate":"tan-thanh","at":"2025-05-09T08:00:00+07:00",
                 "direction":"EXPORT","usd":"50000","goods":"fruit","localOrigin":true},
                 {"id":"t2","type":"TurnoverRecorded","gate":"chi-ma","at":"2025-05-09T08:00:00+07:00",
                 "direction":"EXPORT","usd":"70000","goods":"other"}]}""").status()).isEqualTo(200);
        JsonNode progress = api.get("/api/v1/plans/2025/progress").json();
        JsonNode local = progress.get("localExport");
        // 50.000 of 100.000; run on for the year: 50.000 × 365 / 129 = 141.472,87.
        assertThat(local.get("percentOfPlan").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(local.get("projectedUsd").decimalValue()).isEqualByComparingTo("141472.87");
        JsonNode fruit = progress.get("goods").get(0);
        assertThat(fruit.get("group").asText()).isEqualTo("fruit");
        assertThat(fruit.get("export").get("yearToDateUsd").decimalValue()).isEqualByComparingTo("50000");
        assertThat(fruit.get("export").get("planUsd").decimalValue()).isEqualByComparingTo("2400000");
        // No target for "other": its line has no plan and no percentage.
        assertThat(progress.get("goods").get(2).get("export").get("planUsd").isNull()).isTrue();
        assertThat(progress.get("goods").get(2).get("export").get("yearToDateUsd").decimalValue()).isEqualByComparingTo("70000");

        // A revision that only changes the local target is a revision, and needs its reason.
        assertThat(api.put("/api/v1/plans/2025", """
                {"exportUsd": 3000000, "importUsd": 2000000, "localExportUsd": 120000,
                 "goodsExportUsd": {"fruit": 2400000}}""").json().get("errors").get(0).get("field").asText())
                .isEqualTo("reason");
    }

    @Test
    void unknownGroupsAndBadAmountsAreRefused() throws Exception {
        ApiClient.Reply r = api.put("/api/v1/plans/2025", """
                {"exportUsd": 1, "importUsd": 1, "localExportUsd": -5,
                 "goodsExportUsd": {"rice": 1, "fruit": "lots", "<b>": 2}}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("localExportUsd", "goodsExportUsd", "goodsExportUsd.fruit", "goodsExportUsd");
        assertThat(r.text()).doesNotContain("<b>");
        assertThat(api.get("/api/v1/plans/2025/progress").json().get("planSet").asBoolean()).isFalse();
    }
}
