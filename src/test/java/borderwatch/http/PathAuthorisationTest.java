package borderwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.auth.Role;
import borderwatch.service.RawHttp;
import borderwatch.service.TestServer;
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

/**
 * Authorisation is decided on the path the router serves: every route, reached by every spelling
 * of a path that a router or proxy could read differently, with the token in every place it can go.
 */
class PathAuthorisationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-14T03:00:00Z"), ZoneOffset.UTC);
    private static final String EVENT = "{\"events\":[{\"id\":\"p-1\",\"type\":\"VehiclesCleared\",\"gate\":\"tan-thanh\","
            + "\"at\":\"2025-05-14T08:15:00+07:00\",\"direction\":\"EXPORT\",\"vehicles\":3}]}";

    private record Route(String method, String path, String body, boolean byLink) {
    }

    /** Every route behind a token; {@code byLink} where a browser opens it without headers. */
    private static final List<Route> ROUTES = List.of(
            new Route("POST", "/api/v1/events", EVENT, false),
            new Route("PUT", "/api/v1/plans/2025", "{\"exportUsd\":1,\"importUsd\":1}", false),
            new Route("GET", "/api/v1/plans/2025/progress", null, false),
            new Route("GET", "/api/v1/gates", null, false),
            new Route("POST", "/api/v1/gates/tan-thanh/plans/activate", "{\"level\":2,\"by\":\"Lan\",\"reason\":\"x\"}", false),
            new Route("POST", "/api/v1/gates/tan-thanh/plans/deactivate", "{\"by\":\"Lan\",\"reason\":\"x\"}", false),
            new Route("POST", "/api/v1/drills", "{\"scenario\":\"harvest-peak\",\"gates\":[\"tan-thanh\"]}", false),
            new Route("GET", "/api/v1/drills", null, false),
            new Route("GET", "/api/v1/drills/none", null, false),
            new Route("POST", "/api/v1/drills/none/stop", "{}", false),
            new Route("POST", "/api/v1/imports", "date,gate\n", false),
            new Route("GET", "/api/v1/board", null, false),
            new Route("GET", "/api/v1/totals?from=2025-05-01&to=2025-05-14", null, false),
            new Route("GET", "/api/v1/whoami", null, false),
            new Route("GET", "/api/v1/tokens", null, false),
            new Route("POST", "/api/v1/tokens", "{\"role\":\"admin\"}", false),
            new Route("DELETE", "/api/v1/tokens/none", null, false),
            new Route("GET", "/api/v1/reports/2025", null, true),
            new Route("GET", "/ws/live", null, true),
            new Route("GET", "/ws/history?from=2025-05-01&to=2025-05-02", null, true),
            new Route("GET", "/ws/drills/none", null, true));

    @TempDir
    Path data;
    private TestServer server;
    private String admin;

    @BeforeEach
    void start() {
        server = new TestServer(data, CLOCK);
        admin = server.tokens.create(Role.ADMIN, Set.of(), "admin").token();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The same route written so that a normalising router or proxy would still reach it. */
    private static List<String> disguises(String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q);
        int cut = path.lastIndexOf('/');
        List<String> out = new ArrayList<>(List.of(
                "/ws/.." + path,
                "/api/v1/reports/../../.." + path,
                "/api/v1/reports/2025/../../../.." + path,
                path.substring(0, cut) + "/." + path.substring(cut),
                "/" + path,
                path.substring(0, cut) + "/" + path.substring(cut),
                "/ws/%2e%2e" + path,
                "/ws/%2E%2E" + path,
                "/ws%2f..%2f.." + path,
                "/ws/..%2F.." + path,
                "/ws/%252e%252e" + path,
                "/ws/..\\.." + path,
                path.substring(0, cut) + "/%2e" + path.substring(cut)));
        return out.stream().map(p -> p + query).toList();
    }

    private static String withQueryToken(String target, String token) {
        return target + (target.contains("?") ? "&" : "?") + "access_token=" + token;
    }

    @Test
    void aDisguisedPathIsRefusedWhereverTheTokenIs() throws Exception {
        for (Route r : ROUTES) {
            for (String disguised : disguises(r.path)) {
                RawHttp.Reply byHeader = RawHttp.send(server.port(), r.method, disguised, "Bearer " + admin, r.body);
                assertThat(byHeader.status()).as(r.method + " " + disguised + " with the header").isEqualTo(400);
                assertThat(byHeader.text()).as(r.method + " " + disguised).contains("\"field\":\"path\"");
                RawHttp.Reply byQuery = RawHttp.send(server.port(), r.method, withQueryToken(disguised, admin), null, r.body);
                assertThat(byQuery.status()).as(r.method + " " + disguised + " with the query token").isEqualTo(400);
                RawHttp.Reply none = RawHttp.send(server.port(), r.method, disguised, null, r.body);
                assertThat(none.status()).as(r.method + " " + disguised + " without a token").isEqualTo(400);
            }
        }
        assertThat(server.core.storage().headPosition()).as("nothing was stored").isZero();
        assertThat(server.tokens.list()).as("no token was issued").hasSize(1);
    }

    @Test
    void aQueryTokenIsTakenOnlyByTheFeedsAndReportLinks() throws Exception {
        for (Route r : ROUTES) {
            for (String target : List.of(r.path, trailingSlash(r.path))) {
                RawHttp.Reply reply = RawHttp.send(server.port(), r.method, withQueryToken(target, admin), null, r.body);
                String what = r.method + " " + target + " with the token in the query";
                if (r.byLink) {
                    // Authorised; a feed opened without WebSocket headers is then refused for that alone.
                    assertThat(reply.status()).as(what).isNotIn(401, 403);
                    assertThat(reply.text()).as(what).doesNotContain("access_token");
                } else {
                    assertThat(reply.status()).as(what + ": " + reply.text()).isIn(400, 404);
                }
            }
        }
        assertThat(server.core.storage().headPosition()).as("nothing was stored").isZero();
        assertThat(server.tokens.list()).as("no token was issued").hasSize(1);
    }

    @Test
    void aQueryTokenBesideAValidHeaderIsStillRefusedOffTheLinkRoutes() throws Exception {
        RawHttp.Reply r = RawHttp.send(server.port(), "GET", "/api/v1/board?access_token=" + admin, "Bearer " + admin, null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("\"field\":\"access_token\"");
        assertThat(RawHttp.send(server.port(), "GET", "/api/v1/board", "Bearer " + admin, null).status()).isEqualTo(200);
    }

    private static String trailingSlash(String target) {
        int q = target.indexOf('?');
        return q < 0 ? target + "/" : target.substring(0, q) + "/" + target.substring(q);
    }
}
