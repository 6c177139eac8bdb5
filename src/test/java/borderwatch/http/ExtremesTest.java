package borderwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.auth.Role;
import borderwatch.congestion.Congestion;
import borderwatch.service.ApiClient;
import borderwatch.service.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

/** Numbers past their type, times at the ends of the calendar and texts that change how they are shown. */
class ExtremesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-14T03:00:00Z"), ZoneOffset.UTC);
    private static final String FAR_FUTURE = "+999999999-12-31T23:59:59-18:00";

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

    private static String field(ApiClient.Reply r) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        return r.json().get("errors").get(0).get("field").asText();
    }

    private static String q(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    @Test
    void levelsPastAnIntAreRefusedNotNarrowed() throws Exception {
        for (String level : List.of("4294967298", "4294967297", "-4294967295", "9223372036854775808", "1e9", "1.0")) {
            assertThat(field(api.post("/api/v1/gates/tan-thanh/plans/activate",
                    "{\"level\":" + level + ",\"by\":\"Lan\",\"reason\":\"x\"}"))).as(level).isEqualTo("level");
            assertThat(field(api.post("/api/v1/drills", "{\"scenario\":\"harvest-peak\",\"gates\":[\"tan-thanh\"],"
                    + "\"plan\":{\"gate\":\"tan-thanh\",\"level\":" + level + "}}"))).as(level).startsWith("plan");
        }
        java.util.Optional<?> active = server.core.live().query(m -> Congestion.of(m).activeResponsePlan("tan-thanh"));
        assertThat(active).isEmpty();
        assertThat(api.get("/api/v1/drills").json().get("drills")).isEmpty();
    }

    @Test
    void everyTimeParameterTakesOnlyItsWindowAndSaysWhichFieldIsWrong() throws Exception {
        assertThat(field(api.get("/api/v1/reports/2025?asOf=" + q(FAR_FUTURE)))).isEqualTo("asOf");
        assertThat(field(api.get("/api/v1/reports/2025?asOf=0001-01-01"))).isEqualTo("asOf");
        // The window is the same in every zone: no instant a few hours past either end slips through.
        assertThat(field(api.get("/api/v1/reports/2025?asOf=" + q("2100-01-01T11:00:00Z")))).isEqualTo("asOf");
        assertThat(field(api.get("/api/v1/reports/2025?asOf=" + q("1989-12-31T10:00:00Z")))).isEqualTo("asOf");
        assertThat(field(api.get("/api/v1/audit?from=" + q("2099-12-31T20:00:00-11:00") + "&to=2099-12-31"))).isEqualTo("from");
        assertThat(field(api.get("/api/v1/reports/2031"))).as("a year that has not begun").isEqualTo("year");
        assertThat(field(api.get("/api/v1/plans/2025/progress?asOf=" + q("+10000-01-01")))).isEqualTo("asOf");
        assertThat(field(api.get("/api/v1/totals?from=0001-01-01&to=2025-05-01"))).isEqualTo("from");
        assertThat(field(api.get("/api/v1/totals?from=2025-05-01&to=9999-12-31"))).isEqualTo("to");
        assertThat(field(api.get("/ws/history?from=" + q("-999999999-01-01T00:00:00+18:00") + "&to=2025-05-01")))
                .isEqualTo("from");
        assertThat(field(api.get("/ws/history?from=2025-05-01&to=" + q(FAR_FUTURE)))).isEqualTo("to");
        assertThat(field(api.get("/api/v1/audit?to=" + q(FAR_FUTURE)))).isEqualTo("to");
        for (String start : List.of(FAR_FUTURE, "9999-12-31T00:00:00Z", "1000-01-01T00:00:00Z", "2025-05-14")) {
            assertThat(field(api.post("/api/v1/drills", "{\"scenario\":\"harvest-peak\",\"gates\":[\"tan-thanh\"],"
                    + "\"start\":\"" + start + "\"}"))).as(start).isEqualTo("start");
        }
        ApiClient.Reply drills = api.get("/api/v1/drills");
        assertThat(drills.status()).as("drills still listed for everyone").isEqualTo(200);
        assertThat(drills.json().get("drills")).isEmpty();
    }

    @Test
    void aDrillAtTheEdgeOfTheWindowRunsAndIsListed() throws Exception {
        ApiClient.Reply started = api.post("/api/v1/drills", "{\"scenario\":\"harvest-peak\",\"gates\":[\"tan-thanh\"],"
                + "\"days\":1,\"secondsPerDay\":1,\"start\":\"2099-12-30T00:00:00Z\"}");
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        assertThat(api.get("/api/v1/drills").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/drills/" + started.json().get("id").asText()).status()).isEqualTo(200);
    }

    @Test
    void textsThatChangeHowTheyAreShownAreRefusedEverywhereAPersonTypes() throws Exception {
        ApiClient admins = new ApiClient(server.port(), server.tokens.create(Role.ADMIN, Set.of(), "admin").token());
        int tokensBefore = server.tokens.list().size();
        for (String bad : List.of("a\\u0000b", "\\u001b[31mred", "two\\nlines", "tab\\there", "\\u202eevil", "x\\u2028y",
                "\\u0085next", "\\ud800lone",
                "Tes\\u200bter", "\\ufeffLan", "L\\u00adan", "a\\u2066b")) {
            assertThat(field(api.post("/api/v1/gates/tan-thanh/plans/activate",
                    "{\"level\":2,\"by\":\"" + bad + "\",\"reason\":\"ok\"}"))).as(bad).isEqualTo("by");
            assertThat(field(api.post("/api/v1/gates/tan-thanh/plans/activate",
                    "{\"level\":2,\"by\":\"Lan\",\"reason\":\"" + bad + "\"}"))).as(bad).isEqualTo("reason");
            assertThat(field(api.put("/api/v1/plans/2025",
                    "{\"exportUsd\":1,\"importUsd\":1,\"reason\":\"" + bad + "\"}"))).as(bad).isEqualTo("reason");
            assertThat(field(admins.post("/api/v1/tokens", "{\"role\":\"viewer\",\"label\":\"" + bad + "\"}")))
                    .as(bad).isEqualTo("label");
        }
        assertThat(server.core.storage().headPosition()).as("nothing stored").isZero();
        assertThat(server.tokens.list()).as("no token issued").hasSize(tokensBefore);
        JsonNode fine = api.post("/api/v1/gates/tan-thanh/plans/activate",
                "{\"level\":2,\"by\":\"Nguyễn Thị Hà\",\"reason\":\"<b>xe</b> & \\\"hàng\\\" — ùn tắc\"}").json();
        assertThat(fine.get("activeLevel").asInt()).as("markup is text, kept as typed").isEqualTo(2);
    }
}
