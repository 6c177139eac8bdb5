package borderwatch.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.auth.Role;
import borderwatch.http.Json;
import borderwatch.service.ApiClient;
import borderwatch.service.TestServer;
import borderwatch.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI and AsyncAPI documents against the service itself: every route is described, nothing
 * described is missing, and every example request in the document is accepted.
 */
class ApiDescriptionTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    /** The description's own routes, served beside it. */
    private static final Set<String> SELF = Set.of("GET /api/v1/openapi.yaml", "GET /api/v1/asyncapi.yaml",
            "GET /api/v1/docs/", "GET /api/v1/docs/start.js");

    @TempDir
    Path data;
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.withEveryRoute(data, TestClock.clock());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theDocumentsAreValidAndServedWithoutAToken() throws Exception {
        String text = resource(ApiDocsRoutes.OPENAPI);
        var parsed = new OpenAPIV3Parser().readContents(text, null, new ParseOptions());
        assertThat(parsed.getMessages()).as("OpenAPI parser messages").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");

        JsonNode async = YAML.readTree(resource(ApiDocsRoutes.ASYNCAPI));
        assertThat(async.path("asyncapi").asText()).startsWith("3.");
        Set<String> addresses = new TreeSet<>();
        async.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(
                server.http().routes().stream().filter(r -> r.startsWith("GET /ws/"))
                        .map(r -> braces(r.substring(4))).toList());

        ApiClient anonymous = new ApiClient(server.port(), null);
        var served = anonymous.get("/api/v1/openapi.yaml");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.text()).isEqualTo(text);
        assertThat(anonymous.get("/api/v1/asyncapi.yaml").status()).isEqualTo(200);
        var page = anonymous.get("/api/v1/docs/");
        assertThat(page.status()).isEqualTo(200);
        String bundle = page.text().replaceAll("(?s).*src=\"(/webjars/swagger-ui/[^\"]+-bundle\\.js)\".*", "$1");
        assertThat(anonymous.get(bundle).status()).as(bundle).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/docs/start.js").text()).contains("/api/v1/openapi.yaml");
        String webjar = bundle.substring(0, bundle.lastIndexOf('/') + 1);
        assertThat(anonymous.get(webjar + "index.html").status()).as("the WebJar's own demo page").isEqualTo(404);
        assertThat(anonymous.get(webjar + "swagger-initializer.js").status()).isEqualTo(404);
        for (String around : List.of("index.html/", "", "swagger-initializer.js/", "oauth2-redirect.html/")) {
            assertThat(anonymous.get(webjar + around).status()).as("the demo page as " + webjar + around).isEqualTo(404);
        }
        assertThat(anonymous.get(webjar.substring(0, webjar.length() - 1)).status()).as("the folder without a slash")
                .isEqualTo(404);
    }

    @Test
    void everyRouteIsDescribedAndEveryDescribedRouteExists() throws Exception {
        Set<String> routes = new TreeSet<>();
        for (String r : server.http().routes()) {
            String path = r.substring(r.indexOf(' ') + 1);
            boolean api = path.startsWith("/api/") || path.startsWith("/health") || path.equals("/metrics")
                    || path.startsWith("/public/v1/");
            if (api && !SELF.contains(r)) {
                routes.add(r.substring(0, r.indexOf(' ')) + " " + braces(path));
            }
        }
        Set<String> described = new TreeSet<>();
        document().path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (METHODS.contains(m)) {
                described.add(m.toUpperCase() + " " + p.getKey());
            }
        }));
        assertThat(routes).as("routes of the service").hasSizeGreaterThan(25);
        assertThat(described).as("what the document lacks").containsAll(routes);
        assertThat(routes).as("what the document describes but the service lacks").containsAll(described);
    }

    /**
     * Each feature's descriptor names the tags of its operations (and the channels of its sockets):
     * every route a feature adds is described under one of its own tags, and every described
     * operation is served by exactly one feature or by the server itself (tokens, health).
     */
    @Test
    void eachFeatureServesTheOperationsOfItsOwnTags() throws Exception {
        Map<String, Set<String>> tagsOf = new LinkedHashMap<>();
        document().path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (METHODS.contains(m.getKey())) {
                Set<String> tags = new TreeSet<>();
                m.getValue().path("tags").forEach(t -> tags.add(t.asText()));
                tagsOf.put(m.getKey().toUpperCase() + " " + p.getKey(), tags);
            }
        }));
        Map<String, String> channels = new LinkedHashMap<>();
        asyncDocument().path("channels").fields().forEachRemaining(c -> channels.put(c.getValue().path("address").asText(),
                c.getKey()));
        Map<String, String> servedBy = new LinkedHashMap<>();
        var features = borderwatch.core.Features.ALL.all();
        for (var feature : features) {
            List<String> routes = server.http().routesByFeature().get(feature.name());
            assertThat(routes).as("routes of " + feature.name()).isNotNull();
            for (String r : routes) {
                String path = braces(r.substring(r.indexOf(' ') + 1));
                String route = r.substring(0, r.indexOf(' ')) + " " + path;
                assertThat(servedBy.put(route, feature.name())).as(route + " served twice").isNull();
                if (path.startsWith("/ws/")) {
                    String channel = channels.get(path);
                    assertThat(channel).as("the AsyncAPI channel at " + path).isNotNull();
                    assertThat(feature.apiTags()).as(feature.name() + " serves the " + channel + " channel").contains(channel);
                } else if (tagsOf.containsKey(route)) {
                    assertThat(feature.apiTags()).as(feature.name() + " serves " + route + " tagged " + tagsOf.get(route))
                            .containsAnyElementsOf(tagsOf.get(route));
                } else {
                    assertThat(route).as("an undescribed route must be the documents' own").isIn(SELF);
                }
            }
        }
        Set<String> server = Set.of("tokens", "health", "national");
        tagsOf.forEach((route, tags) -> {
            if (!servedBy.containsKey(route)) {
                assertThat(tags).as(route + " is served by no feature, so by the server itself").containsAnyElementsOf(server);
            }
        });
        assertThat(servedBy).as("routes the features serve").hasSizeGreaterThan(25);
    }

    @Test
    void everyExampleRequestIsAccepted() throws Exception {
        String admin = server.tokens.create(Role.ADMIN, Set.of(), "api examples").token();
        ApiClient client = new ApiClient(server.port(), admin);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("{{now}}", TestClock.now().truncatedTo(ChronoUnit.SECONDS).toString());
        values.put("{{today}}", TestClock.today().toString());
        values.put("{{year}}", Integer.toString(TestClock.today().getYear()));

        List<Example> examples = examples();
        assertThat(examples).as("operations with an example").hasSizeGreaterThan(15);
        Set<String> done = new HashSet<>();
        List<String> refused = new ArrayList<>();
        while (!examples.isEmpty()) {
            Example next = examples.stream().filter(e -> e.after() == null || done.contains(e.after())).findFirst()
                    .orElseThrow(() -> new AssertionError("examples waiting for each other: " + examples));
            examples.remove(next);
            String path = fill(next.path(), values);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
            if (next.body() == null) {
                request.method(next.method(), HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", next.type()).method(next.method(),
                        HttpRequest.BodyPublishers.ofString(fill(next.body(), values), StandardCharsets.UTF_8));
            }
            var reply = client.send(request.build());
            if (reply.status() / 100 != 2) {
                refused.add(next.operationId() + " " + next.method() + " " + path + " -> " + reply.status() + " " + reply.text());
            } else if ("drill".equals(next.provides())) {
                values.put("{{drill}}", reply.json().path("id").asText());
            }
            done.add(next.operationId());
        }
        assertThat(refused).as("examples the service refused").isEmpty();
    }

    @Test
    void aRoleTheDocumentLeavesOutIsRefused() throws Exception {
        Map<Role, String> tokens = Map.of(Role.VIEWER, server.tokens.create(Role.VIEWER, Set.of(), "viewer").token(),
                Role.FEED, server.tokens.create(Role.FEED, Set.of("tan-thanh"), "feed").token(),
                Role.COORDINATOR, server.tokens.create(Role.COORDINATOR, Set.of(), "coordinator").token());
        Map<String, String> values = Map.of("{{now}}", TestClock.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                "{{today}}", TestClock.today().toString(), "{{year}}", Integer.toString(TestClock.today().getYear()),
                "{{drill}}", "no-such-drill");
        int checked = 0;
        for (Example e : examples()) {
            JsonNode roles = operation(e.operationId()).path("x-roles");
            if (roles.isMissingNode()) {
                continue;
            }
            for (var role : tokens.entrySet()) {
                boolean allowed = false;
                for (JsonNode r : roles) {
                    allowed |= r.asText().equals(role.getKey().id());
                }
                if (allowed) {
                    continue;
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + fill(e.path(), values)));
                request.method(e.method(), e.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(fill(e.body(), values), StandardCharsets.UTF_8));
                if (e.type() != null) {
                    request.header("Content-Type", e.type());
                }
                var reply = new ApiClient(server.port(), role.getValue()).send(request.build());
                assertThat(reply.status()).as(e.operationId() + " with a " + role.getKey().id() + " token: " + reply.text())
                        .isEqualTo(403);
                checked++;
            }
        }
        assertThat(checked).as("refusals checked").isGreaterThan(20);
    }

    private static JsonNode operation(String operationId) throws IOException {
        for (JsonNode path : document().path("paths")) {
            for (JsonNode op : path) {
                if (operationId.equals(op.path("operationId").asText())) {
                    return op;
                }
            }
        }
        throw new AssertionError("no operation " + operationId);
    }

    /** An operation's example request: every one with a body or an example path, and every GET that needs no parameter. */
    private record Example(String operationId, String method, String path, String type, String body,
                           String after, String provides) {
    }

    private List<Example> examples() throws IOException {
        List<Example> out = new ArrayList<>();
        List<String> withoutExample = new ArrayList<>();
        var paths = document().path("paths").fields();
        while (paths.hasNext()) {
            var entry = paths.next();
            var ops = entry.getValue().fields();
            while (ops.hasNext()) {
                var op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                JsonNode o = op.getValue();
                String path = o.path("x-example-path").asText(null);
                String type = null;
                String body = null;
                var content = o.path("requestBody").path("content").fields();
                if (content.hasNext()) {
                    var media = content.next();
                    type = media.getKey();
                    JsonNode example = media.getValue().path("example");
                    if (example.isMissingNode()) {
                        withoutExample.add(o.path("operationId").asText());
                        continue;
                    }
                    body = example.isTextual() ? example.asText() : Json.mapper().writeValueAsString(example);
                }
                boolean needsParameters = entry.getKey().contains("{") || requiresQuery(o);
                if (path == null && (body != null || needsParameters)) {
                    withoutExample.add(o.path("operationId").asText());
                    continue;
                }
                out.add(new Example(o.path("operationId").asText(), op.getKey().toUpperCase(),
                        path == null ? entry.getKey() : path, type, body,
                        o.path("x-example-after").asText(null), o.path("x-example-provides").asText(null)));
            }
        }
        // A body without an example cannot be checked; only revoking a token (a path of its id) may lack one.
        assertThat(withoutExample).as("operations without an example request").containsOnly("revokeToken");
        return out;
    }

    private static boolean requiresQuery(JsonNode operation) {
        for (JsonNode p : operation.path("parameters")) {
            if (p.path("required").asBoolean() && "query".equals(p.path("in").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String fill(String text, Map<String, String> values) {
        for (var v : values.entrySet()) {
            text = text.replace(v.getKey(), v.getValue());
        }
        assertThat(text).as("placeholders left").doesNotContain("{{");
        return text;
    }

    private static String braces(String vertxPath) {
        return vertxPath.replaceAll(":([A-Za-z]+)", "{$1}");
    }

    private static JsonNode asyncDocument() throws IOException {
        return YAML.readTree(resource(ApiDocsRoutes.ASYNCAPI));
    }

    private static JsonNode document() throws IOException {
        return YAML.readTree(resource(ApiDocsRoutes.OPENAPI));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ApiDocsRoutes.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
