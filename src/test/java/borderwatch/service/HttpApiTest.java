package borderwatch.service;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpApiTest {

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
                + "\",\"at\":\"2025-05-14T08:15:00+07:00\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    private static String batch(String... events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    private static final String GOOD = batch(
            event("e1", "VehiclesCleared", "tan-thanh", "\"direction\":\"EXPORT\",\"vehicles\":12"),
            event("e2", "TurnoverRecorded", "tan-thanh", "\"direction\":\"EXPORT\",\"usd\":\"1250.50\""),
            event("e3", "QueueObserved", "tan-thanh", "\"waiting\":40,\"yardOccupancy\":0.35"),
            event("e4", "VehiclesCleared", "dong-dang", "\"direction\":\"IMPORT\",\"vehicles\":7"));

    @Test
    void acceptsABatchAndShowsItOnTheBoardAtOnce() throws Exception {
        ApiClient.Reply r = api.post("/api/v1/events", GOOD);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("accepted").asInt()).isEqualTo(4);
        assertThat(r.json().get("duplicates").asInt()).isEqualTo(0);

        var board = api.get("/api/v1/board").json();
        var tanThanh = board.get("gates").get(1);
        assertThat(tanThanh.get("gate").asText()).isEqualTo("tan-thanh");
        assertThat(tanThanh.get("exportVehiclesToday").asInt()).isEqualTo(12);
        assertThat(tanThanh.get("lastHourExport").asInt()).isEqualTo(12);
        assertThat(tanThanh.get("waiting").asInt()).isEqualTo(40);
        assertThat(tanThanh.get("turnoverTodayUsd").decimalValue()).isEqualByComparingTo("1250.50");
        assertThat(board.get("gates").get(4).get("importVehiclesToday").asInt()).isEqualTo(7);
    }

    @Test
    void aRepeatedBatchIsCountedAsDuplicatesAndStoredOnce() throws Exception {
        api.post("/api/v1/events", GOOD);
        long head = core.storage().headPosition();
        ApiClient.Reply again = api.post("/api/v1/events", GOOD);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("accepted").asInt()).isEqualTo(0);
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(4);
        assertThat(core.storage().headPosition()).isEqualTo(head);
    }

    @Test
    @DisplayName("one bad item refuses the whole batch, names its index and field, and stores nothing")
    void oneBadItemRefusesTheWholeBatch() throws Exception {
        String body = batch(
                event("ok", "VehiclesCleared", "tan-thanh", "\"direction\":\"EXPORT\",\"vehicles\":12"),
                event("bad", "VehiclesCleared", "tan-thanh", "\"direction\":\"EXPORT\",\"vehicles\":0"));
        ApiClient.Reply r = api.post("/api/v1/events", body);
        assertThat(r.status()).isEqualTo(400);
        var error = r.json().get("errors").get(0);
        assertThat(error.get("index").asInt()).isEqualTo(1);
        assertThat(error.get("field").asText()).isEqualTo("vehicles");
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(core.storage().headPosition()).isZero();
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource(delimiter = '|', value = {
        "unknown gate          | gate          | \"id\":\"x\",\"type\":\"VehiclesCleared\",\"gate\":\"mong-cai\",\"at\":\"2025-05-14T08:15:00+07:00\",\"direction\":\"EXPORT\",\"vehicles\":1",
        "unknown type          | type          | \"id\":\"x\",\"type\":\"TrucksTeleported\",\"gate\":\"chi-ma\",\"at\":\"2025-05-14T08:15:00+07:00\"",
        "vehicles as string    | vehicles      | \"id\":\"x\",\"type\":\"VehiclesCleared\",\"gate\":\"chi-ma\",\"at\":\"2025-05-14T08:15:00+07:00\",\"direction\":\"EXPORT\",\"vehicles\":\"12\"",
        "fractional vehicles   | vehicles      | \"id\":\"x\",\"type\":\"VehiclesCleared\",\"gate\":\"chi-ma\",\"at\":\"2025-05-14T08:15:00+07:00\",\"direction\":\"EXPORT\",\"vehicles\":1.5",
        "negative vehicles     | vehicles      | \"id\":\"x\",\"type\":\"VehiclesCleared\",\"gate\":\"chi-ma\",\"at\":\"2025-05-14T08:15:00+07:00\",\"direction\":\"EXPORT\",\"vehicles\":-3",
        "huge vehicles         | vehicles      | \"id\":\"x\",\"type\":\"VehiclesCleared\",\"gate\":\"chi-ma\",\"at\":\"2025-05-14T08:15:00+07:00\",\"direction\":\"EXPORT\",\"vehicles\":99999999999999999999",
        "bad direction         | direction     | \"id\":\"x\",\"type\":\"VehiclesCleared\",\"gate\":\"chi-ma\",\"at\":\"2025-05-14T08:15:00+07:00\",\"direction\":\"SIDEWAYS\",\"vehicles\":1",
        "far future            | at            | \"id\":\"x\",\"type\":\"VehiclesCleared\",\"gate\":\"chi-ma\",\"at\":\"2025-05-14T09:06:00+07:00\",\"direction\":\"EXPORT\",\"vehicles\":1",
        "time without offset   | at            | \"id\":\"x\",\"type\":\"VehiclesCleared\",\"gate\":\"chi-ma\",\"at\":\"2025-05-14T08:15:00\",\"direction\":\"EXPORT\",\"vehicles\":1",
        "missing id            | id            | \"type\":\"VehiclesCleared\",\"gate\":\"chi-ma\",\"at\":\"2025-05-14T08:15:00+07:00\",\"direction\":\"EXPORT\",\"vehicles\":1",
        "usd three decimals    | usd           | \"id\":\"x\",\"type\":\"TurnoverRecorded\",\"gate\":\"chi-ma\",\"at\":\"2025-05-14T08:15:00+07:00\",\"direction\":\"EXPORT\",\"usd\":10.005",
        "usd negative          | usd           | \"id\":\"x\",\"type\":\"TurnoverRecorded\",\"gate\":\"chi-ma\",\"at\":\"2025-05-14T08:15:00+07:00\",\"direction\":\"EXPORT\",\"usd\":\"-1\"",
        "usd not a number      | usd           | \"id\":\"x\",\"type\":\"TurnoverRecorded\",\"gate\":\"chi-ma\",\"at\":\"2025-05-14T08:15:00+07:00\",\"direction\":\"EXPORT\",\"usd\":\"lots\"",
        "occupancy above one   | yardOccupancy | \"id\":\"x\",\"type\":\"QueueObserved\",\"gate\":\"chi-ma\",\"at\":\"2025-05-14T08:15:00+07:00\",\"waiting\":3,\"yardOccupancy\":1.5",
        "unknown field         | vehicle       | \"id\":\"x\",\"type\":\"VehiclesCleared\",\"gate\":\"chi-ma\",\"at\":\"2025-05-14T08:15:00+07:00\",\"direction\":\"EXPORT\",\"vehicles\":1,\"vehicle\":1",
    })
    void refusesBadItemsNamingTheField(String what, String field, String item) throws Exception {
        ApiClient.Reply r = api.post("/api/v1/events", "{\"events\":[{" + item + "}]}");
        assertThat(r.status()).as(what).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsText("field")).as(what).contains(field);
        assertThat(core.storage().headPosition()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON     | {\"events\":[{]}     | body",
        "not an object      | [1,2,3]              | body",
        "no events array    | {\"event\":[]}       | events",
        "empty batch        | {\"events\":[]}      | events",
        "trailing garbage   | {\"events\":[]} xx   | body",
    })
    void refusesMalformedBodies(String what, String body, String field) throws Exception {
        ApiClient.Reply r = api.post("/api/v1/events", body);
        assertThat(r.status()).as(what).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }

    @Test
    void refusesAnOversizeBodyWith413() throws Exception {
        String item = event("x", "VehiclesCleared", "chi-ma", "\"direction\":\"EXPORT\",\"vehicles\":1");
        String huge = batch(java.util.Collections.nCopies(12_000, item).toArray(String[]::new));
        ApiClient.Reply r = api.post("/api/v1/events", huge);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
        assertThat(core.storage().headPosition()).isZero();
        assertThat(api.get("/health").status()).isEqualTo(200);
    }

    @Test
    void setsAPlanAndReportsProgressAgainstIt() throws Exception {
        ApiClient.Reply set = api.put("/api/v1/plans/2025",
                "{\"exportUsd\":2000,\"importUsd\":\"1000.50\",\"totalUsd\":3000.50,\"reason\":\"Kế hoạch năm 2025\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("outcome").asText()).isEqualTo("SET");
        api.post("/api/v1/events", GOOD);

        var progress = api.get("/api/v1/plans/2025/progress?asOf=2025-05-14").json();
        assertThat(progress.get("planSet").asBoolean()).isTrue();
        // 1,250.50 of 2,000 = 62.525% -> 62.5; 1,250.50 of 3,000.50 = 41.676% -> 41.7
        assertThat(progress.get("export").get("percentOfPlan").decimalValue()).isEqualByComparingTo("62.5");
        assertThat(progress.get("total").get("percentOfPlan").decimalValue()).isEqualByComparingTo("41.7");
        assertThat(progress.get("export").get("changePercent").isNull()).isTrue();

        ApiClient.Reply revise = api.put("/api/v1/plans/2025", "{\"exportUsd\":2500,\"importUsd\":1000}");
        assertThat(revise.status()).isEqualTo(400);
        assertThat(revise.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        ApiClient.Reply badYear = api.put("/api/v1/plans/20x5", "{\"exportUsd\":1,\"importUsd\":1}");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.json().get("errors").get(0).get("field").asText()).isEqualTo("year");
    }

    @Test
    void listsGatesAndTotalsByDayAndMonth() throws Exception {
        var gates = api.get("/api/v1/gates").json();
        assertThat(gates.get("gates").findValuesAsText("id"))
                .containsExactly("huu-nghi", "tan-thanh", "coc-nam", "chi-ma", "dong-dang");
        assertThat(gates.get("gates").get(4).get("kind").asText()).isEqualTo("rail");

        api.post("/api/v1/events", GOOD);
        var byDay = api.get("/api/v1/totals?from=2025-05-01&to=2025-05-31&gate=tan-thanh&by=day").json();
        assertThat(byDay.get("rows")).hasSize(1);
        assertThat(byDay.get("rows").get(0).get("period").asText()).isEqualTo("2025-05-14");
        assertThat(byDay.get("rows").get(0).get("exportUsd").decimalValue()).isEqualByComparingTo("1250.50");
        var byMonth = api.get("/api/v1/totals?from=2025-01-01&to=2025-12-31&by=month").json();
        assertThat(byMonth.get("rows").findValuesAsText("period")).containsOnly("2025-05");
        assertThat(byMonth.get("rows").findValuesAsText("gate")).containsExactlyInAnyOrder("tan-thanh", "dong-dang");

        assertThat(api.get("/api/v1/totals?from=2025-02-01&to=2025-01-01").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/totals?from=2025-01-01&to=2025-01-31&by=week").json()
                .get("errors").get(0).get("field").asText()).isEqualTo("by");
        assertThat(api.get("/api/v1/totals?from=2025-01-01&to=2025-01-31&gate=nowhere").status()).isEqualTo(400);
    }

    @Test
    void coordinatorsActivateAndStandDownResponsePlans() throws Exception {
        String activate = "/api/v1/gates/tan-thanh/plans/activate";
        ApiClient.Reply ok = api.post(activate, "{\"level\":2,\"by\":\"Nguyễn Văn A\",\"reason\":\"Ùn tắc xe xuất khẩu\"}");
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        var tile = api.get("/api/v1/board").json().get("gates").get(1);
        assertThat(tile.get("activePlan").get("level").asInt()).isEqualTo(2);
        assertThat(tile.get("activePlan").get("by").asText()).isEqualTo("Nguyễn Văn A");

        ApiClient.Reply again = api.post(activate, "{\"level\":3,\"by\":\"B\",\"reason\":\"x\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.post(activate.replace("tan-thanh", "mong-cai"), "{\"level\":1,\"by\":\"B\",\"reason\":\"x\"}")
                .status()).isEqualTo(404);
        ApiClient.Reply noPlan = api.post(activate, "{\"level\":7,\"by\":\"B\",\"reason\":\"x\"}");
        assertThat(noPlan.status()).isEqualTo(400);
        assertThat(noPlan.json().get("errors").get(0).get("field").asText()).isEqualTo("level");

        String deactivate = "/api/v1/gates/tan-thanh/plans/deactivate";
        ApiClient.Reply noReason = api.post(deactivate, "{\"by\":\"C\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        assertThat(api.post(deactivate, "{\"by\":\"C\",\"reason\":\"Hết ùn tắc\"}").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/board").json().get("gates").get(1).get("activePlan").isNull()).isTrue();
        assertThat(api.post(deactivate, "{\"by\":\"C\",\"reason\":\"again\"}").status()).isEqualTo(409);
    }

    @Test
    void unknownPathsAnswer404InJson() throws Exception {
        ApiClient.Reply r = api.get("/api/v1/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("path");
        var health = api.get("/health").json();
        assertThat(health.get("status").asText()).isEqualTo("up");
    }
}
