package borderwatch.history;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import borderwatch.http.Json;
import borderwatch.service.ApiClient;
import borderwatch.service.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History import and year-end reports through the API. */
class HistoryApiTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-10T02:00:00Z"), ZoneOffset.UTC);
    private static final String GOOD = """
            date,gate,export_vehicles,import_vehicles,export_usd,import_usd
            2025-01-02,tan-thanh,10,20,145000.50,106000
            2025-01-02,huu-nghi,0,15,0,79500.25
            2025-01-03,tan-thanh,11,0,160000,0
            """;

    @TempDir
    Path data;
    private TestServer server;
    private Core core;
    private ApiClient api;
    private final HttpClient http = HttpClient.newHttpClient();

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

    private ApiClient.Reply upload(byte[] csv) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/v1/imports")).header("content-type", "text/csv")
                .header("Authorization", "Bearer " + TestServer.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(), HttpResponse.BodyHandlers.ofString());
        return new ApiClient.Reply(r.statusCode(), Json.mapper().readTree(r.body()), r.body());
    }

    @Test
    void importsAFileOnceEvenWhenItIsSentTwice() throws Exception {
        ApiClient.Reply first = upload(GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        // Zero counts and amounts make no event: 4 + 2 + 2 events.
        assertThat(first.json().get("rows").asInt()).isEqualTo(3);
        assertThat(first.json().get("accepted").asInt()).isEqualTo(8);
        assertThat(first.json().get("from").asText()).isEqualTo("2025-01-02");
        long head = core.storage().headPosition();
        ApiClient.Reply again = upload(GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(again.json().get("accepted").asInt()).isZero();
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(8);
        assertThat(core.storage().headPosition()).isEqualTo(head);
        var totals = api.get("/api/v1/totals?from=2025-01-01&to=2025-01-31&gate=tan-thanh&by=month").json();
        assertThat(totals.get("rows").get(0).get("exportVehicles").asInt()).isEqualTo(21);
    }

    @Test
    void aFileOverTheImportLimitIsRefusedNamingThatLimitAndStoresNothing() throws Exception {
        long head = core.storage().headPosition();
        byte[] tooLarge = new byte[(int) borderwatch.history.ImportsRoute.BODY_LIMIT_BYTES + 1];
        java.util.Arrays.fill(tooLarge, (byte) 'x');
        ApiClient.Reply r = upload(tooLarge);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("errors").get(0).get("message").asText()).isEqualTo("is too large (limit 32 MiB)");
        ApiClient.Reply batch = api.post("/api/v1/events", "{\"events\":[],\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}");
        assertThat(batch.status()).isEqualTo(413);
        assertThat(batch.json().get("errors").get(0).get("message").asText()).isEqualTo("is too large (limit 1 MiB)");
        assertThat(core.storage().headPosition()).isEqualTo(head);
    }

    @Test
    void readsSemicolonsDecimalCommasAndAByteOrderMark() throws Exception {
        String excel = "\uFEFFdate;gate;export_vehicles;import_vehicles;export_usd;import_usd\r\n"
                + "2025-01-02;chi-ma;3;4;12345,67;890,1\r\n";
        ApiClient.Reply r = upload(excel.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("accepted").asInt()).isEqualTo(4);
        var totals = api.get("/api/v1/totals?from=2025-01-02&to=2025-01-02&gate=chi-ma").json();
        assertThat(totals.get("rows").get(0).get("exportUsd").decimalValue()).isEqualByComparingTo("12345.67");
        assertThat(totals.get("rows").get(0).get("importUsd").decimalValue()).isEqualByComparingTo("890.1");
    }

    @Test
    void aBadFileIsRefusedWithLineNumbersAndStoresNothing() throws Exception {
        String bad = GOOD + """
                2025-13-01,tan-thanh,1,1,1,1
                2025-01-04,mong-cai,1,1,1,1
                2025-01-05,coc-nam,-3,1,1.234,1
                2025-01-02,tan-thanh,1,1,1,1
                2027-01-01,coc-nam,1,1,1,1
                2025-01-06,coc-nam,1,1
                """;
        ApiClient.Reply r = upload(bad.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsText("line"))
                .containsExactly("5", "6", "7", "7", "8", "9", "10");
        assertThat(r.json().get("errors").findValuesAsText("field"))
                .containsExactly("date", "gate", "export_vehicles", "export_usd", "date", "date", "row");
        assertThat(core.storage().headPosition()).isZero();

        assertThat(upload("when,where\n2025-01-01,x\n".getBytes(StandardCharsets.UTF_8)).json().get("errors")
                .get(0).get("field").asText()).isEqualTo("header");
        assertThat(upload(new byte[] {(byte) 0xC3, (byte) 0x28, 10}).json().get("errors").get(0).get("message")
                .asText()).contains("UTF-8");
        assertThat(core.storage().headPosition()).isZero();
    }

    @Test
    void reportsInEachFormatAndRefusesBadChoices() throws Exception {
        upload(GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(api.put("/api/v1/plans/2025", "{\"exportUsd\":1000000,\"importUsd\":500000}").status()).isEqualTo(200);
        ApiClient.Reply json = api.get("/api/v1/reports/2025?asOf=2025-12-31");
        assertThat(json.status()).isEqualTo(200);
        // Exports 305.000,50 of 1.000.000 = 30,5%.
        assertThat(json.json().get("headline").asText()).contains("xuất khẩu 0,3 triệu USD, đạt 30,5% kế hoạch");
        assertThat(json.json().get("report").get("position").asLong()).isEqualTo(core.storage().headPosition());
        ApiClient.Reply html = api.get("/api/v1/reports/2025?asOf=2025-12-31&format=html&lang=en");
        assertThat(html.text()).contains("lang=\"en\">", "30.5% of plan", "@page { size: A4;");
        ApiClient.Reply csv = api.get("/api/v1/reports/2025?asOf=2025-12-31&format=csv");
        assertThat(csv.text()).contains("summary,export,percent_of_plan,30.5");
        assertThat(api.get("/api/v1/reports/2025?format=odt").json().get("errors").get(0).get("field").asText())
                .isEqualTo("format");
        assertThat(api.get("/api/v1/reports/1999").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/reports/2025?asOf=yesterday").json().get("errors").get(0).get("field").asText())
                .isEqualTo("asOf");
    }
}
