package borderwatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.auth.Principal;
import borderwatch.auth.Role;
import borderwatch.auth.Tokens;
import borderwatch.service.ApiClient;
import borderwatch.service.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command records the token behind it; the audit API tells who did what, when, through which token. */
class AuditTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-14T03:00:00Z"), ZoneOffset.UTC);
    private static final String EVENTS = "{\"events\":["
            + "{\"id\":\"a-1\",\"type\":\"VehiclesCleared\",\"gate\":\"tan-thanh\",\"at\":\"2025-05-14T08:15:00+07:00\","
            + "\"direction\":\"EXPORT\",\"vehicles\":3},"
            + "{\"id\":\"a-2\",\"type\":\"VehiclesCleared\",\"gate\":\"tan-thanh\",\"at\":\"2025-05-14T08:16:00+07:00\","
            + "\"direction\":\"EXPORT\",\"vehicles\":2}]}";

    @TempDir
    Path data;
    private TestServer server;
    private Tokens.Issued feed;
    private Tokens.Issued coordinator;
    private Tokens.Issued admin;
    private Tokens.Issued viewer;

    @BeforeEach
    void start() {
        server = new TestServer(data, CLOCK);
        feed = server.tokens.create(Role.FEED, Set.of("tan-thanh"), "Tân Thanh gate system");
        coordinator = server.tokens.create(Role.COORDINATOR, Set.of(), "duty coordinator");
        admin = server.tokens.create(Role.ADMIN, Set.of(), "IT department");
        viewer = server.tokens.create(Role.VIEWER, Set.of(), "wall screen");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode audit(String query) throws Exception {
        ApiClient.Reply r = new ApiClient(server.port(), coordinator.token()).get("/api/v1/audit?" + query);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static List<JsonNode> entries(JsonNode page, String action) {
        List<JsonNode> out = new ArrayList<>();
        page.get("entries").forEach(e -> {
            if (e.get("action").asText().equals(action)) {
                out.add(e);
            }
        });
        return out;
    }

    @Test
    void theAuditTellsWhoDidWhatThroughWhichToken() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        assertThat(new ApiClient(server.port(), feed.token()).post("/api/v1/events", EVENTS).status()).isEqualTo(200);
        assertThat(new ApiClient(server.port(), coordinator.token()).post("/api/v1/gates/tan-thanh/plans/activate",
                "{\"level\":2,\"by\":\"Nguyễn Văn Lan\",\"reason\":\"xe chờ tăng nhanh\"}").status()).isEqualTo(200);
        ApiClient admins = new ApiClient(server.port(), admin.token());
        String issued = admins.post("/api/v1/tokens", "{\"role\":\"viewer\",\"label\":\"phòng trực\"}").json().get("id").asText();
        assertThat(admins.delete("/api/v1/tokens/" + issued).status()).isEqualTo(204);
        Principal operator = new Principal("command-line", Role.ADMIN, Set.of(), "token command, user ops");
        assertThat(server.tokens.revoke(viewer.record().id(), operator)).isTrue();
        Instant to = Instant.now().plusSeconds(1);

        JsonNode page = audit("from=" + from + "&to=" + to);
        try (var stored = server.core.storage().readEvents(null, false)) {
            assertThat(stored.toList()).as("every stored event names the token behind it").allSatisfy(e -> {
                assertThat(e.getMetaData()).containsKeys(Principal.TOKEN_ID, Principal.ROLE, Principal.LABEL);
            });
        }
        assertThat(page.get("truncated").asBoolean()).isFalse();
        List<JsonNode> reports = entries(page, "gate.vehicles-cleared");
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("events").asInt()).as("one entry for the batch").isEqualTo(2);
        assertThat(reports.get(0).get("tokenId").asText()).isEqualTo(feed.record().id());
        assertThat(reports.get(0).get("role").asText()).isEqualTo("feed");
        assertThat(reports.get(0).get("label").asText()).isEqualTo("Tân Thanh gate system");
        assertThat(reports.get(0).get("gate").asText()).isEqualTo("tan-thanh");

        JsonNode plan = entries(page, "gate.response-plan-activated").get(0);
        assertThat(plan.get("tokenId").asText()).isEqualTo(coordinator.record().id());
        assertThat(plan.get("by").asText()).as("the name typed, beside the token").isEqualTo("Nguyễn Văn Lan");
        assertThat(plan.get("reason").asText()).isEqualTo("xe chờ tăng nhanh");

        List<JsonNode> issuedTokens = entries(page, "token.issued");
        assertThat(issuedTokens).extracting(e -> e.get("tokenId").asText()).contains(admin.record().id());
        assertThat(issuedTokens).filteredOn(e -> e.get("subjectTokenId").asText().equals(issued)).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("subjectRole").asText()).isEqualTo("viewer");
                    assertThat(e.get("reason").asText()).as("the issued token's label").isEqualTo("phòng trực");
                });
        List<JsonNode> revoked = entries(page, "token.revoked");
        assertThat(revoked).extracting(e -> e.get("tokenId").asText()).containsExactly(admin.record().id(), "command-line");

        JsonNode otherGate = audit("from=" + from + "&to=" + to + "&gate=chi-ma");
        assertThat(otherGate.get("entries")).isEmpty();
        JsonNode sameGate = audit("from=" + from + "&to=" + to + "&gate=tan-thanh");
        assertThat(sameGate.get("entries")).extracting(e -> e.get("gate").asText()).containsOnly("tan-thanh");

        JsonNode before = audit("from=" + from.minusSeconds(3600) + "&to=" + from);
        assertThat(entries(before, "gate.vehicles-cleared")).as("outside the period").isEmpty();
    }

    @Test
    void onlyCoordinatorsAndAdminsReadTheAuditAndPeriodsAreBounded() throws Exception {
        assertThat(new ApiClient(server.port(), viewer.token()).get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(new ApiClient(server.port(), feed.token()).get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(new ApiClient(server.port(), admin.token()).get("/api/v1/audit").status()).isEqualTo(200);
        ApiClient c = new ApiClient(server.port(), coordinator.token());
        assertThat(c.get("/api/v1/audit?from=2025-01-01&to=2025-03-01").json().get("errors").get(0).get("field").asText())
                .isEqualTo("to");
        assertThat(c.get("/api/v1/audit?from=2025-01-02&to=2025-01-01").status()).isEqualTo(400);
        assertThat(c.get("/api/v1/audit?gate=atlantis").json().get("errors").get(0).get("field").asText()).isEqualTo("gate");
        assertThat(c.get("/api/v1/audit?from=%2B999999999-12-31T23:59:59-18:00").json().get("errors").get(0)
                .get("field").asText()).isEqualTo("from");
    }
}
