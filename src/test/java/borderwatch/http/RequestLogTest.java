package borderwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.auth.Role;
import borderwatch.service.ApiClient;
import borderwatch.service.RawHttp;
import borderwatch.service.TestServer;
import borderwatch.testing.TestClock;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A request id for every request, in the answer, the access line and the stored events; no token in any log line. */
class RequestLogTest {

    @TempDir
    Path data;
    private TestServer server;
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void start() {
        root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        lines.start();
        root.addAppender(lines);
        server = new TestServer(data, TestClock.clock());
    }

    @AfterEach
    void stop() {
        server.close();
        root.detachAppender(lines);
    }

    @Test
    void theRequestIdIsAnsweredLoggedAndStoredWithTheEvents() throws Exception {
        ApiClient api = new ApiClient(server.port());
        String body = "{\"events\":[{\"id\":\"r1\",\"type\":\"QueueObserved\",\"gate\":\"tan-thanh\",\"at\":\""
                + TestClock.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"waiting\":12}]}";
        var reply = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/events"))
                .header("Content-Type", "application/json").header(RequestLog.HEADER, "gate-system.42")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("borderwatch.db"));
             var rows = c.createStatement().executeQuery("select metadata from events")) {
            List<String> meta = new ArrayList<>();
            while (rows.next()) {
                meta.add(new String(rows.getBytes(1), StandardCharsets.UTF_8));
            }
            assertThat(meta).isNotEmpty().allMatch(m -> m.contains("\"requestId\":\"gate-system.42\""));
        }
        awaitAccessLine("gate-system.42");

        // An id that is not a plain token is replaced, not echoed into logs and headers.
        var odd = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/gates"))
                .header(RequestLog.HEADER, "x\" injected=1 " + "y".repeat(80)).GET().build());
        assertThat(odd.status()).isEqualTo(200);
        var fresh = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/gates")).GET().build());
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(accessLines()).noneMatch(l -> l.contains("injected"));
    }

    @Test
    void noTokenReachesAnyLogLineWhereverItWasSent() throws Exception {
        String viewer = server.tokens.create(Role.VIEWER, Set.of(), "wall screen").token();
        String secret = viewer.split("_", 3)[2]; // the secret itself may hold '_'
        int port = server.port();
        new ApiClient(port, viewer).get("/api/v1/board");
        new ApiClient(port, null).get("/api/v1/reports/2025?format=json&access_token=" + viewer);
        new ApiClient(port, null).get("/api/v1/board?access_token=" + viewer);
        new ApiClient(port, viewer + "x").get("/api/v1/board");
        new ApiClient(port, "bw_000000000000_" + secret).get("/api/v1/board");
        RawHttp.send(port, "GET", "/ws/live?access_token=" + viewer, null, null);
        RawHttp.send(port, "GET", "/api/v1/%0d%0aboard?access_token=" + viewer, null, null);
        RawHttp.send(port, "GET", "/api/v1/board", "Bearer " + viewer + "\u0000", null);
        awaitAccessLine("/api/v1/reports/2025");

        JsonEncoder json = new JsonEncoder();
        json.setContext(root.getLoggerContext());
        json.setWithFormattedMessage(true);
        json.start();
        List<String> everything = new ArrayList<>();
        for (ILoggingEvent e : captured()) {
            everything.add(new String(json.encode(e), StandardCharsets.UTF_8));
        }
        assertThat(everything).as("log lines").hasSizeGreaterThan(5);
        assertThat(everything).noneMatch(l -> l.contains(secret)).noneMatch(l -> l.contains("access_token"));
        assertThat(accessLines()).anyMatch(l -> l.contains("GET /api/v1/board 200"))
                .anyMatch(l -> l.contains("GET /api/v1/board 401"))
                .anyMatch(l -> l.contains("GET /api/v1/reports/2025 200"));
    }

    @Test
    void aRequestAnsweredBeforeRoutingHasAnIdAndALineToo() throws Exception {
        var broken = RawHttp.send(server.port(), "GET", "/api/v1/%zz", null, null);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.text()).contains("X-Request-Id: ");
        try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET /api/v1/bo ard HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).matches("(?s)HTTP/1\\.[01] 400 .*").contains("X-Request-Id: ");
        }
        awaitAccessLine("/api/v1/%zz 400");
        // Vert.x names an unparsed request's path /bad-request, so nothing of what was sent is logged.
        assertThat(accessLines()).anyMatch(l -> l.startsWith("GET /bad-request 400 "));
    }

    @Test
    void controlCharactersInThePathAreRefusedAndNeverReachTheAccessLine() throws Exception {
        for (String path : List.of("/api/v1/board\u0085next", "/api/v1/\u009b31mboard")) {
            try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(answer).as(path).matches("(?s)HTTP/1\\.[01] 400 .*");
            }
        }
        awaitAccessLine("31mboard 400");
        assertThat(accessLines()).as("no C1 control reaches a log line")
                .noneMatch(l -> l.chars().anyMatch(c -> c >= 0x80 && c <= 0x9f));
    }

    @Test
    void aClientsMistakeIsAnsweredButNotLoggedAsAWarning() throws Exception {
        ApiClient api = new ApiClient(server.port());
        String activation = "{\"level\":1,\"by\":\"Lan\",\"reason\":\"xe chờ\"}";
        assertThat(api.post("/api/v1/gates/tan-thanh/plans/activate", activation).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/gates/tan-thanh/plans/activate", activation).status()).as("already in effect")
                .isEqualTo(409);
        assertThat(api.post("/api/v1/gates/chi-ma/plans/deactivate", "{\"by\":\"Lan\",\"reason\":\"x\"}").status())
                .as("nothing to stand down").isEqualTo(409);
        assertThat(api.put("/api/v1/plans/2025", "{\"exportUsd\":1,\"importUsd\":1,\"reason\":\"a\\u0007b\"}").status())
                .isBetween(400, 499);
        awaitAccessLine("/api/v1/gates/chi-ma/plans/deactivate 409");
        assertThat(captured()).as("no warning for what the client was told")
                .noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN));
    }

    private List<String> accessLines() {
        return captured().stream().filter(e -> e.getLoggerName().equals("borderwatch.access"))
                .map(e -> e.getFormattedMessage() + " " + e.getKeyValuePairs()).toList();
    }

    /** Appenders add under their own lock, from the server's threads. */
    private List<ILoggingEvent> captured() {
        synchronized (lines) {
            return List.copyOf(lines.list);
        }
    }

    private void awaitAccessLine(String containing) throws InterruptedException {
        long until = System.currentTimeMillis() + 5_000;
        while (accessLines().stream().noneMatch(l -> l.contains(containing))) {
            assertThat(System.currentTimeMillis()).as("an access line with " + containing).isLessThan(until);
            Thread.sleep(10);
        }
    }
}
