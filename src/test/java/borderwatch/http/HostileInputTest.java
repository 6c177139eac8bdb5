package borderwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.service.ApiClient;
import borderwatch.service.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of hostile requests — malformed JSON, wrong types, huge and impossible numbers, unknown
 * gates and types, times far off, repeated ids, oversized bodies, odd unicode, header and protocol
 * tricks — against every kind of endpoint. Each must get a 4xx with a JSON error naming a field and a
 * reason; none may store anything or stop the service from answering.
 */
class HostileInputTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-14T03:00:00Z"), ZoneOffset.UTC);
    private static final String AT = "2025-05-14T08:15:00+07:00";

    @TempDir
    Path data;

    private TestServer server;

    /** One hostile request: over HTTP with a body, or raw bytes on a socket. */
    private record Case(String name, String method, String path, String contentType, byte[] body, byte[] raw) {
    }

    @BeforeEach
    void start() {
        server = new TestServer(data, CLOCK);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String event(Map<String, String> fields) {
        StringBuilder b = new StringBuilder("{");
        fields.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return b.append('}').toString();
    }

    private static Map<String, String> vehicles() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", "\"v-1\"");
        f.put("type", "\"VehiclesCleared\"");
        f.put("gate", "\"tan-thanh\"");
        f.put("at", "\"" + AT + "\"");
        f.put("direction", "\"EXPORT\"");
        f.put("vehicles", "12");
        return f;
    }

    private static String batch(String... events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    private static Case json(String name, String method, String path, String body) {
        return new Case(name, method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), null);
    }

    private static Case events(String name, String body) {
        return json(name, "POST", "/api/v1/events", body);
    }

    private static Case raw(String name, String request) {
        return new Case(name, null, null, null, null, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        // Every field of a gate report with values of the wrong type, out of range, or impossible.
        Map<String, List<String>> bad = new LinkedHashMap<>();
        bad.put("id", List.of("null", "7", "true", "[]", "{}", "\"\"", "\"   \"", "\"" + "x".repeat(129) + "\"",
                "\"a\\u0000b\"", "\"line\\nbreak\"", "\"tab\\tid\"", "\"\\u0007bell\""));
        bad.put("type", List.of("null", "1", "\"\"", "\"vehiclescleared\"", "\"VehiclesCleared\\u200b\"", "\"Drop\"",
                "\"GateEvent\"", "[\"VehiclesCleared\"]", "\"" + "T".repeat(41) + "\""));
        bad.put("gate", List.of("null", "3", "\"\"", "\"atlantis\"", "\"TAN-THANH\"", "\"t\\u00e2n-thanh\"",
                "\"tan-thanh \"", "\"tan\\u200bthanh\"", "\"../etc/passwd\"", "\"' OR 1=1 --\"", "\"plan-2025\"",
                "{\"id\":\"tan-thanh\"}"));
        bad.put("at", List.of("null", "1747185300", "\"\"", "\"yesterday\"", "\"2025-13-40T00:00:00+07:00\"",
                "\"2025-05-14T08:15:00\"", "\"2025-05-14\"", "\"3025-01-01T00:00:00Z\"", "\"2025-05-14T03:10:00Z\"",
                "\"1900-01-01T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"",
                "\"2025-05-14T08:15:00+25:00\"", "\"2025-05-14T08:15:00\\u202e+07:00\""));
        bad.put("direction", List.of("null", "0", "\"\"", "\"export\"", "\"SIDEWAYS\"", "\"\\uff25XPORT\"",
                "[\"EXPORT\"]", "true"));
        bad.put("vehicles", List.of("null", "0", "-1", "1.5", "\"12\"", "true", "[]", "10001", "1e400",
                "99999999999999999999999", "-9223372036854775809", "1e-400", "12.0000000000000001"));
        bad.forEach((field, values) -> {
            for (String v : values) {
                Map<String, String> f = vehicles();
                f.put(field, v);
                cases.add(events(field + "=" + v, batch(event(f))));
            }
        });
        // Missing and extra fields.
        for (String field : vehicles().keySet()) {
            Map<String, String> f = vehicles();
            f.remove(field);
            cases.add(events("without " + field, batch(event(f))));
        }
        for (String extra : List.of("\"usd\":\"5\"", "\"waiting\":3", "\"__proto__\":{}", "\"admin\":true")) {
            cases.add(events("extra " + extra, batch(event(vehicles()).replaceFirst("\\}$", "," + extra + "}"))));
        }
        // Turnover and queue values.
        cases.add(events("an unknown field beside the events", "{\"events\":[" + event(vehicles()) + "],\"dryRun\":true}"));
        // Amounts as strings: exactly ASCII digits with an optional point and decimals.
        for (String usd : List.of("\"\u0661\u0662\u0663\"", "\"\uff11\uff12\uff13\"", "\"+100\"", "\" 100\"",
                "\"100 \"", "\"100.\"", "\".5\"", "\"1e5\"", "\"0x10\"", "\"1_000\"")) {
            cases.add(events("usd string " + usd, batch("{\"id\":\"t-2\",\"type\":\"TurnoverRecorded\",\"gate\":\"chi-ma\","
                    + "\"at\":\"" + AT + "\",\"direction\":\"IMPORT\",\"usd\":" + usd + "}")));
        }
        for (String by : List.of("Tes\uDB40\uDC41ter", "A\uD834\uDD73B", "lone\\uD800")) {
            cases.add(json("a name with invisible characters above U+FFFF: " + by.codePoints().count(), "POST",
                    "/api/v1/gates/tan-thanh/plans/activate",
                    "{\"level\":1,\"by\":\"" + by + "\",\"reason\":\"x\"}"));
        }
        for (String usd : List.of("\"abc\"", "\"-1\"", "\"1e9999\"", "\"12.345\"", "\"NaN\"", "\"Infinity\"", "null",
                "\"100000000000000000000\"", "\"1,5\"", "\"\"", "-5", "[]")) {
            cases.add(events("usd=" + usd, batch("{\"id\":\"t-1\",\"type\":\"TurnoverRecorded\",\"gate\":\"chi-ma\",\"at\":\""
                    + AT + "\",\"direction\":\"IMPORT\",\"usd\":" + usd + "}")));
        }
        for (String waiting : List.of("-1", "1.5", "\"40\"", "100001", "null", "1e10")) {
            cases.add(events("waiting=" + waiting, batch("{\"id\":\"q-1\",\"type\":\"QueueObserved\",\"gate\":\"coc-nam\","
                    + "\"at\":\"" + AT + "\",\"waiting\":" + waiting + "}")));
        }
        for (String yard : List.of("-0.1", "1.01", "\"0.5\"", "2", "true")) {
            cases.add(events("yard=" + yard, batch("{\"id\":\"q-2\",\"type\":\"QueueObserved\",\"gate\":\"coc-nam\","
                    + "\"at\":\"" + AT + "\",\"waiting\":4,\"yardOccupancy\":" + yard + "}")));
        }
        // Malformed or misshapen JSON.
        for (String body : List.of(" ", "{", "}", "[", "[]", "null", "true", "42", "\"events\"", "{\"events\":",
                "{\"events\":null}", "{\"events\":{}}", "{\"events\":\"all\"}", "{\"events\":[]}", "{\"events\":[null]}",
                "{\"events\":[1,2]}", "{\"events\":[[]]}", "{\"events\":[]}garbage", "{'events':[]}", "{events:[]}",
                "/* c */{\"events\":[]}", "{\"events\":[],\"events\":[]}", "{\"events\":[NaN]}", "{\"events\":[Infinity]}",
                "{\"events\":[" + "9".repeat(2_000) + "]}", "[".repeat(5_000) + "]".repeat(5_000),
                "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000), "\uFEFF{\"events\":[]}", "{\"events\":[{\"id\":\"x\"")) {
            cases.add(events("json " + body.substring(0, Math.min(30, body.length())), body));
        }
        cases.add(new Case("not UTF-8", "POST", "/api/v1/events", "application/json",
                new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'}, null));
        cases.add(new Case("UTF-16", "POST", "/api/v1/events", "application/json",
                batch(event(vehicles())).getBytes(StandardCharsets.UTF_16), null));
        cases.add(new Case("text/plain", "POST", "/api/v1/events", "text/plain",
                batch(event(vehicles())).getBytes(StandardCharsets.UTF_8), null));
        cases.add(new Case("form", "POST", "/api/v1/events", "application/x-www-form-urlencoded",
                "events=1".getBytes(StandardCharsets.UTF_8), null));
        // Batches: the same id twice, too many events, bodies too large.
        cases.add(events("same id twice", batch(event(vehicles()), event(vehicles()))));
        Map<String, String> one = vehicles();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 5_001; i++) {
            one.put("id", "\"m-" + i + "\"");
            many.add(event(one));
        }
        cases.add(events("5001 events", batch(many.toArray(String[]::new))));
        cases.add(events("1 MiB + 1", "{\"events\":[],\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}"));
        cases.add(events("10 MB", "{\"events\":[\"" + "y".repeat(10 * 1024 * 1024) + "\"]}"));
        // Other endpoints.
        for (String plan : List.of("{}", "{\"exportUsd\":-1,\"importUsd\":1}", "{\"exportUsd\":\"a\",\"importUsd\":1}",
                "{\"exportUsd\":1e400,\"importUsd\":1}", "{\"exportUsd\":1,\"importUsd\":1,\"note\":" + "\"n\"".repeat(1) + ",\"x\":1}",
                "[]", "{\"exportUsd\":1,\"importUsd\":1e30}")) {
            cases.add(json("plan " + plan, "PUT", "/api/v1/plans/2025", plan));
        }
        for (String year : List.of("0", "99999", "abc", "2025.5", "-2025", "%00")) {
            cases.add(json("plan year " + year, "PUT", "/api/v1/plans/" + year, "{\"exportUsd\":1,\"importUsd\":1}"));
        }
        for (String activation : List.of("{}", "{\"level\":7,\"by\":\"Lan\",\"reason\":\"x\"}",
                "{\"level\":-1,\"by\":\"Lan\",\"reason\":\"x\"}", "{\"level\":\"2\",\"by\":\"Lan\",\"reason\":\"x\"}",
                "{\"level\":2,\"by\":\"" + "L".repeat(1_000) + "\",\"reason\":\"x\"}", "{\"level\":2,\"by\":\"Lan\"}",
                "{\"level\":2,\"by\":\"\\u0000\",\"reason\":\"x\"}", "{\"level\":2.5,\"by\":\"Lan\",\"reason\":\"x\"}")) {
            cases.add(json("activate " + activation.substring(0, Math.min(40, activation.length())), "POST",
                    "/api/v1/gates/tan-thanh/plans/activate", activation));
        }
        cases.add(json("activate with an unknown field", "POST", "/api/v1/gates/tan-thanh/plans/activate",
                "{\"level\":1,\"by\":\"Lan\",\"reason\":\"x\",\"force\":true}"));
        cases.add(json("stand down with an unknown field", "POST", "/api/v1/gates/tan-thanh/plans/deactivate",
                "{\"by\":\"Lan\",\"reason\":\"x\",\"level\":1}"));
        cases.add(json("activate at an unknown gate", "POST", "/api/v1/gates/atlantis/plans/activate",
                "{\"level\":2,\"by\":\"Lan\",\"reason\":\"x\"}"));
        for (String drill : List.of("{}", "{\"scenario\":\"meteor\"}", "{\"scenario\":\"harvest-peak\",\"days\":100000}",
                "{\"scenario\":\"harvest-peak\",\"secondsPerDay\":0}", "{\"scenario\":\"harvest-peak\",\"gates\":[\"atlantis\"]}",
                "{\"scenario\":\"gate-closure\",\"hours\":-3}", "{\"scenario\":\"custom\",\"surges\":\"lots\"}",
                "{\"scenario\":\"harvest-peak\",\"exportSurgePercent\":1e9}")) {
            cases.add(json("drill " + drill, "POST", "/api/v1/drills", drill));
        }
        cases.add(json("stop a drill that does not exist", "POST", "/api/v1/drills/%2e%2e/stop", "{}"));
        for (String query : List.of("from=2025-05-14", "from=2025-05-20&to=2025-05-01", "from=x&to=y",
                "from=0001-01-01&to=9999-12-31", "from=2025-05-01&to=2025-05-14&by=week", "from=2025-05-01&to=2025-05-14&gate=atlantis")) {
            cases.add(json("totals " + query, "GET", "/api/v1/totals?" + query, ""));
        }
        for (String report : List.of("0", "99999", "abc", "2025?asOf=never", "2025?lang=xx", "2025?format=odt", "2025?period=q5", "2025?period=q4&asOf=2025-09-01",
                "2025?asOf=2025-13-01")) {
            cases.add(json("report " + report, "GET", "/api/v1/reports/" + report, ""));
        }
        cases.add(new Case("import not UTF-8", "POST", "/api/v1/imports", "text/csv",
                new byte[] {'d', 'a', 't', 'e', (byte) 0xff, '\n'}, null));
        cases.add(new Case("import wrong header", "POST", "/api/v1/imports", "text/csv",
                "when,where\n2025-01-01,tan-thanh\n".getBytes(StandardCharsets.UTF_8), null));
        cases.add(new Case("import 33 MiB", "POST", "/api/v1/imports", "text/csv",
                ("date,gate,export_vehicles,import_vehicles,export_usd,import_usd\n" + "z".repeat(33 * 1024 * 1024))
                        .getBytes(StandardCharsets.UTF_8), null));
        cases.add(json("tokens as a coordinator", "POST", "/api/v1/tokens", "{\"role\":\"admin\"}"));
        cases.add(json("no such path", "GET", "/api/v1/../../etc/passwd", ""));
        cases.add(json("no such endpoint", "POST", "/api/v2/events", "{}"));
        cases.add(json("wrong method", "DELETE", "/api/v1/board", ""));
        // Header and protocol tricks, on a raw socket.
        String head = "POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
        String auth = "Authorization: Bearer " + TestServer.TOKEN + "\r\n";
        String ok = batch(event(vehicles()));
        cases.add(raw("no token, token in query", "POST /api/v1/events?access_token=" + TestServer.TOKEN
                + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + ok.length() + "\r\n\r\n" + ok));
        cases.add(raw("basic auth", head + "Authorization: Basic YWRtaW46YWRtaW4=\r\nContent-Length: 2\r\n\r\n{}"));
        cases.add(raw("empty bearer", head + "Authorization: Bearer \r\nContent-Length: 2\r\n\r\n{}"));
        cases.add(raw("header too large", "GET /api/v1/board HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(100_000) + "\r\n\r\n"));
        cases.add(raw("uri too long", "GET /api/v1/board?" + "q".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        cases.add(raw("smuggling: length and chunked", head + auth + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"));
        cases.add(raw("negative length", head + auth + "Content-Length: -1\r\n\r\n{}"));
        cases.add(raw("two lengths", head + auth + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"));
        cases.add(raw("not HTTP", "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003garbage\r\n\r\n"));
        cases.add(raw("bad request line", "GET\r\n\r\n"));
        // C1 controls in the path, raw (NEL, CSI) and encoded as UTF-8: refused before an access line holds them.
        cases.add(raw("raw NEL in the path", "GET /api/v1/board\u0085x HTTP/1.1\r\nHost: x\r\n\r\n"));
        cases.add(raw("raw CSI in the path", "GET /api/v1/\u009b31mboard HTTP/1.1\r\nHost: x\r\n\r\n"));
        cases.add(json("encoded NEL in the path", "GET", "/api/v1/board%C2%85", ""));
        cases.add(raw("header without colon", "GET /api/v1/board HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n"));
        cases.add(raw("control character in header", "GET /api/v1/board HTTP/1.1\r\nHost: x\r\nX-A: b\u0000c\r\n\r\n"));
        cases.add(raw("unknown method", "BREW /api/v1/board HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n"));
        cases.add(raw("space in path", "GET /api/v1/bo ard HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n"));
        cases.add(raw("websocket without token", "GET /ws/live HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"));
        cases.add(raw("history feed with a bad period", "GET /ws/history?from=x&to=y HTTP/1.1\r\nHost: x\r\n" + auth
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n"));
        // A form body where the method takes none, and escapes the router cannot decode.
        for (String method : List.of("OPTIONS", "GET", "BREW")) {
            cases.add(raw("form body with " + method, method + " /api/v1/no-such-route HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\nx=1"));
        }
        cases.add(raw("multipart with OPTIONS", "OPTIONS /api/v1/gates HTTP/1.1\r\nHost: x\r\n" + auth
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 0\r\n\r\n"));
        cases.add(raw("form body with GET on a console path", "GET /nope.html HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\nx=1"));
        cases.add(raw("chunked body with GET", "GET /api/v1/gates HTTP/1.1\r\nHost: x\r\n" + auth
                + "Transfer-Encoding: chunked\r\n\r\n3\r\nx=1\r\n0\r\n\r\n"));
        for (String path : List.of("/api/v1/docs/%zz", "/api/v1/%", "/api/v1/%u002e%u002e/metrics", "/%g0")) {
            cases.add(raw("broken escape " + path, "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        }
        return cases;
    }

    private record Answer(int status, String body) {
    }

    private Answer send(Case c) throws Exception {
        if (c.raw != null) {
            return sendRaw(c.raw);
        }
        HttpRequest.BodyPublisher body = c.body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + c.path))
                .method(c.method, body);
        if (c.body.length > 0) {
            request.header("content-type", c.contentType);
        }
        ApiClient.Reply r = new ApiClient(server.port()).send(request.build());
        return new Answer(r.status(), r.text());
    }

    private Answer sendRaw(byte[] bytes) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
                socket.shutdownOutput();
            } catch (java.io.IOException closedEarly) {
                // The server may answer and close before it has read everything; the answer still counts.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    got.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException enough) {
                // Keep-alive connections stay open; what arrived is the answer.
            }
            String text = got.toString(StandardCharsets.UTF_8);
            assertThat(text).as("an answer").startsWith("HTTP/1.");
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyAt = text.indexOf("\r\n\r\n");
            String body = bodyAt < 0 ? "" : text.substring(bodyAt + 4);
            if (text.toLowerCase().contains("transfer-encoding: chunked")) {
                body = body.substring(body.indexOf("\r\n") + 2);
            }
            return new Answer(status, body);
        }
    }

    @Test
    void everyHostileRequestGetsAClearClientErrorAndNothingIsStored() throws Exception {
        List<Case> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        for (Case c : corpus) {
            Answer a = send(c);
            assertThat(a.status).as(c.name + " → " + a.body).isBetween(400, 499);
            JsonNode errors = Json.mapper().readTree(a.body.trim()).get("errors");
            assertThat(errors).as(c.name + " → " + a.body).isNotNull().isNotEmpty();
            assertThat(errors.get(0).get("field").asText()).as(c.name).isNotBlank();
            assertThat(errors.get(0).get("message").asText()).as(c.name).isNotBlank();
            assertThat(a.body).as(c.name).doesNotContain("Exception", "\tat ");
        }
        assertThat(server.core.storage().headPosition()).as("nothing stored").isZero();

        ApiClient api = new ApiClient(server.port());
        assertThat(api.get("/health/live").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/events", batch(event(vehicles()))).status()).as("still taking good input").isEqualTo(200);
        assertThat(server.core.storage().headPosition()).isEqualTo(1);
    }

    @Test
    void aPlanActivationWithSeveralProblemsNamesThemAll() throws Exception {
        ApiClient api = new ApiClient(server.port());
        ApiClient.Reply r = api.post("/api/v1/gates/tan-thanh/plans/activate",
                "{\"level\":9,\"by\":\"\",\"reason\":\"a\\u0000b\",\"force\":true}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("force", "level", "by", "reason");
        ApiClient.Reply down = api.post("/api/v1/gates/tan-thanh/plans/deactivate", "{\"reason\":7}");
        assertThat(down.json().get("errors")).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder("by", "reason");
        assertThat(server.core.storage().headPosition()).isZero();
    }

    @Test
    void aTokenThatSendsTooFastIsToldToWait() throws Exception {
        server.limitRequests(5);
        ApiClient api = new ApiClient(server.port());
        int refused = 0;
        String retryAfter = null;
        for (int i = 0; i < 40; i++) {
            ApiClient.Reply r = api.get("/api/v1/board");
            if (r.status() == 429) {
                refused++;
                assertThat(r.json().get("errors").get(0).get("message").asText()).contains("too many requests");
            } else {
                assertThat(r.status()).isEqualTo(200);
            }
        }
        assertThat(refused).as("a burst of 40 against 5 a second, bursts of 10").isGreaterThanOrEqualTo(25);
        HttpRequest again = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/board")).build();
        var response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(again, (n, v) -> true)
                .header("Authorization", "Bearer " + TestServer.TOKEN).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 429) {
            retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            assertThat(retryAfter).isNotNull();
        }
        Thread.sleep(1_500);
        assertThat(api.get("/api/v1/board").status()).as("after waiting").isEqualTo(200);
    }
}
