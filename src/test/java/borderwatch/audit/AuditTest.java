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

    private Instant started;

    @BeforeEach
    void start() {
        started = Instant.now();
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
        // The audit reads when events were recorded: the machine's clock, whatever the business clock says.
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

    /** One batch of {@code n} events alternating cleared vehicles and queue reports at Tân Thanh. */
    private static String alternating(String prefix, int n) {
        StringBuilder b = new StringBuilder("{\"events\":[");
        Instant at = Instant.parse("2025-05-13T01:00:00Z");
        for (int i = 0; i < n; i++) {
            String when = at.plusSeconds(10L * i).toString();
            b.append(i == 0 ? "" : ",").append(i % 2 == 0
                    ? "{\"id\":\"" + prefix + i + "\",\"type\":\"VehiclesCleared\",\"gate\":\"tan-thanh\",\"at\":\"" + when
                            + "\",\"direction\":\"EXPORT\",\"vehicles\":1}"
                    : "{\"id\":\"" + prefix + i + "\",\"type\":\"QueueObserved\",\"gate\":\"tan-thanh\",\"at\":\"" + when
                            + "\",\"waiting\":" + (i % 7) + "}");
        }
        return b.append("]}").toString();
    }

    @Test
    void aBatchOfAlternatingReportsIsOneEntryPerTypeAndADecisionStaysFindable() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        ApiClient feeds = new ApiClient(server.port(), feed.token());
        assertThat(new ApiClient(server.port(), coordinator.token()).post("/api/v1/gates/tan-thanh/plans/activate",
                "{\"level\":1,\"by\":\"Nguyễn Văn Lan\",\"reason\":\"xe chờ\"}").status()).isEqualTo(200);
        assertThat(feeds.post("/api/v1/events", alternating("f", 5_000)).status()).isEqualTo(200);
        Instant to = Instant.now().plusSeconds(1);

        JsonNode page = audit("from=" + from + "&to=" + to);
        assertThat(page.get("truncated").asBoolean()).isFalse();
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(entries(page, "gate.vehicles-cleared")).singleElement()
                .satisfies(e -> assertThat(e.get("events").asInt()).isEqualTo(2_500));
        assertThat(entries(page, "gate.queue-observed")).singleElement()
                .satisfies(e -> assertThat(e.get("events").asInt()).isEqualTo(2_500));
        assertThat(entries(page, "gate.response-plan-activated")).hasSize(1);

        JsonNode decisions = audit("from=" + from + "&to=" + to + "&kind=decision");
        assertThat(decisions.get("entries")).extracting(e -> e.get("action").asText())
                .contains("gate.response-plan-activated").allMatch(a -> a.equals("gate.response-plan-activated")
                        || a.startsWith("token."));
        JsonNode reports = audit("from=" + from + "&to=" + to + "&kind=report&tokenId=" + feed.record().id());
        assertThat(reports.get("entries")).extracting(e -> e.get("action").asText())
                .containsExactlyInAnyOrder("gate.vehicles-cleared", "gate.queue-observed");
        JsonNode coordinators = audit("from=" + from + "&to=" + to + "&tokenId=" + coordinator.record().id());
        assertThat(coordinators.get("entries")).extracting(e -> e.get("tokenId").asText())
                .containsOnly(coordinator.record().id());

        ApiClient c = new ApiClient(server.port(), coordinator.token());
        assertThat(c.get("/api/v1/audit?kind=everything").json().get("errors").get(0).get("field").asText()).isEqualTo("kind");
        assertThat(c.get("/api/v1/audit?tokenId=%3Cb%3E").json().get("errors").get(0).get("field").asText()).isEqualTo("tokenId");
        assertThat(c.get("/api/v1/audit?cursor=12").json().get("errors").get(0).get("field").asText()).isEqualTo("cursor");
    }

    @Test
    void tokenChangesWithinOneMillisecondArePagedWithoutRepeats() throws Exception {
        // Five token changes 100 ns apart, as the token file's audit stamps them: a cursor must keep nanoseconds.
        Path file = data.resolve("tokens-audit.jsonl");
        var mapper = borderwatch.store.EventCodec.newMapper();
        var template = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                java.nio.file.Files.readAllLines(file).get(0));
        Instant base = Instant.now().plusMillis(5).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            template.put("at", base.plusNanos(100L * i + 1).toString()).put("tokenId", "00000000000" + i).put("label", "screen " + i);
            lines.append(mapper.writeValueAsString(template)).append('\n');
        }
        java.nio.file.Files.writeString(file, lines, java.nio.file.StandardOpenOption.APPEND);
        AuditTrail trail = new AuditTrail(server.core.storage(), server.tokens.audit(),
                type -> borderwatch.core.StoredEventTypes.registry().nameOf(type));
        Instant from = base.minusMillis(1);
        Instant to = base.plusMillis(1);
        List<AuditTrail.Entry> all = trail.read(from, to, AuditTrail.Filter.ANY, null, 1_000).entries();
        assertThat(all).hasSize(5);
        Paged paged = pageThrough(trail, from, to, 2);
        assertThat(paged.entries()).as("every change once, in order").isEqualTo(all);
        assertThat(paged.pages()).isEqualTo(3);
    }

    @Test
    void pagesReadOnFromTheirCursorWithNothingLostOrRepeated() throws Exception {
        Instant from = started;
        ApiClient feeds = new ApiClient(server.port(), feed.token());
        for (int i = 0; i < 5; i++) {
            assertThat(feeds.post("/api/v1/events", alternating("p" + i + "-", 3)).status()).isEqualTo(200);
        }
        server.tokens.create(Role.VIEWER, Set.of(), "wall screen 2");
        Instant to = Instant.now().plusSeconds(1);
        AuditTrail trail = new AuditTrail(server.core.storage(), server.tokens.audit(),
                type -> borderwatch.core.StoredEventTypes.registry().nameOf(type).replaceFirst("\\.v\\d+$", ""));
        List<AuditTrail.Entry> all = trail.read(from, to, AuditTrail.Filter.ANY, null, 1_000).entries();
        assertThat(all).as("the set-up's four tokens, five batches of two types, one more token").hasSize(15);
        Paged paged = pageThrough(trail, from, to, 3);
        assertThat(paged.pages()).as("a page ends between commands, after the limit").isBetween(3, 5);
        assertThat(paged.entries()).isEqualTo(all);
    }

    /** Every entry read page by page from the cursors, and how many pages it took (at most ten). */
    private record Paged(List<AuditTrail.Entry> entries, int pages) {
    }

    private static Paged pageThrough(AuditTrail trail, Instant from, Instant to, int limit) {
        List<AuditTrail.Entry> entries = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            AuditTrail.Page page = trail.read(from, to, AuditTrail.Filter.ANY, cursor, limit);
            entries.addAll(page.entries());
            cursor = page.next();
            pages++;
        } while (cursor != null && pages < 10);
        return new Paged(entries, pages);
    }
}
