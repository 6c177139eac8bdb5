package borderwatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.service.TestServer;
import borderwatch.testing.TestClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations kit checked with the real tools: Prometheus' promtool on the scrape config, the
 * alert rules and a live scrape of a running node, nginx on the proxy config, and docker-compose on
 * the cluster file (it validates without a Docker engine). Where a tool is not installed the test
 * says so and is skipped (CI installs them).
 */
class OpsConfigTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Path NGINX = LocalNginx.BINARY;
    private static final Path COMPOSE = Path.of("/usr/bin/docker-compose");

    @TempDir
    Path tmp;

    private static void require(Path tool, String install) {
        if (!Files.isExecutable(tool)) {
            System.err.println("SKIPPED: " + tool + " is not installed (" + install + ")");
        }
        Assumptions.assumeTrue(Files.isExecutable(tool), tool + " is not installed (" + install + ")");
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Path input, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        if (input != null) {
            pb.redirectInput(input.toFile());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void prometheusConfigAndAlertRulesPassPromtool() throws Exception {
        require(PROMTOOL, "apt-get install prometheus");
        Run config = run(null, PROMTOOL.toString(), "check", "config", "ops/prometheus/prometheus.yml");
        assertThat(config.exit()).as(config.output()).isZero();
        Run rules = run(null, PROMTOOL.toString(), "check", "rules", "ops/prometheus/borderwatch-rules.yml");
        assertThat(rules.exit()).as(rules.output()).isZero();
        assertThat(rules.output()).contains("SUCCESS: 11 rules found");
        // Each alert fires, and stays quiet, where its unit tests say (a plan in effect, one node silent…).
        Run tests = run(null, PROMTOOL.toString(), "test", "rules", "ops/prometheus/borderwatch-rules.test.yml");
        assertThat(tests.exit()).as(tests.output()).isZero();
        assertThat(tests.output()).contains("SUCCESS");
        String alerts = Files.readString(Path.of("ops/prometheus/borderwatch-rules.yml"));
        String unitTests = Files.readString(Path.of("ops/prometheus/borderwatch-rules.test.yml"));
        // The alert table in ops/README.md says what each rule waits for: every "N min" there is the
        // rule's own "for: Nm" or a threshold of N minutes in seconds.
        String readme = Files.readString(Path.of("ops/README.md"));
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("(?m)^\\| `(\\w+)` \\| (.*) \\| \\w+ \\|$").matcher(readme);
        int documented = 0;
        while (rows.find()) {
            documented++;
            String alert = rows.group(1);
            int at = alerts.indexOf("- alert: " + alert);
            assertThat(at).as(alert + " documented and in the rules").isNotNegative();
            int next = alerts.indexOf("- alert: ", at + 1);
            String rule = alerts.substring(at, next < 0 ? alerts.length() : next);
            java.util.regex.Matcher minutes = java.util.regex.Pattern.compile("(\\d+) min\\b").matcher(rows.group(2));
            while (minutes.find()) {
                int n = Integer.parseInt(minutes.group(1));
                assertThat(rule).as(alert + ": the README's " + n + " min").containsAnyOf("for: " + n + "m", "> " + n * 60);
            }
        }
        assertThat(documented).as("every rule in the README's table").isEqualTo(11);
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("- alert: (\\w+)").matcher(alerts);
        while (named.find()) {
            assertThat(unitTests).as("a unit test for " + named.group(1)).contains("alertname: " + named.group(1));
        }
    }

    @Test
    void aRealScrapePassesPromtoolAndHasWhatTheRulesAndDashboardUse() throws Exception {
        require(PROMTOOL, "apt-get install prometheus");
        try (TestServer server = new TestServer(tmp.resolve("data"), TestClock.clock())) {
            // Traffic first, so the command bus, event store and processor meters exist too.
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/api/v1/events")).header("content-type", "application/json")
                .header("Authorization", "Bearer " + TestServer.TOKEN).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"events\":[{\"id\":\"o1\",\"type\":\"QueueObserved\",\"gate\":\"tan-thanh\",\"at\":\""
                            + TestClock.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            + "\",\"waiting\":260},{\"id\":\"o2\",\"type\":\"VehiclesCleared\",\"gate\":\"tan-thanh\","
                            + "\"at\":\"" + TestClock.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            + "\",\"direction\":\"EXPORT\",\"vehicles\":3}]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            String scrape = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Path file = tmp.resolve("scrape.txt");
            Files.writeString(file, scrape);
            Run check = run(file, PROMTOOL.toString(), "check", "metrics");
            assertThat(check.exit()).as(check.output()).isZero();
            String rules = Files.readString(Path.of("ops/prometheus/borderwatch-rules.yml"))
                    + Files.readString(Path.of("ops/grafana/borderwatch-dashboard.json"));
            assertThat(scrape).contains("command_bus_success_total", "live_projections_capacity_ratio", "borderwatch_ready{province=\"lang-son\"} 1.0");
            // Framework timers are histograms, whose buckets add up across nodes; no summary is left.
            assertThat(scrape).doesNotContainPattern("(?m)^# TYPE \\S+ summary$")
                    .containsPattern("(?m)^# TYPE command_bus_success_duration_seconds histogram$")
                    .containsPattern("(?m)^vertx_http_server_response_time_seconds_bucket\\{");
            // A share of a whole says so in its name.
            java.util.regex.Matcher gauges = java.util.regex.Pattern.compile("(?m)^# TYPE (\\S+) gauge$").matcher(scrape);
            while (gauges.find()) {
                String name = gauges.group(1);
                if (name.matches(".*_(usage|capacity)(_ratio)?$")) {
                    assertThat(name).as("a ratio named for its unit").endsWith("_ratio");
                }
                if (name.contains("latency")) {
                    assertThat(name).as("a latency named for its unit").endsWith("_seconds");
                }
            }
            for (String metric : List.of("borderwatch_gate_congestion_level", "borderwatch_events_projected_total",
                    "borderwatch_projection_lag_events", "borderwatch_gate_waiting", "borderwatch_websocket_sessions",
                    "borderwatch_gate_response_plan_level", "borderwatch_gate_last_report_age_seconds",
                    "borderwatch_store_append_seconds_bucket", "vertx_http_server_requests_total",
                    "borderwatch_data_disk_free_bytes", "borderwatch_data_disk_size_bytes",
                    "borderwatch_backup_last_success_timestamp_seconds", "borderwatch_vehicles_cleared_total")) {
                assertThat(rules).as("the kit uses " + metric).contains(metric);
                assertThat(scrape).as("the node exports " + metric).contains(metric);
            }
        }
    }

    @Test
    void nginxAcceptsTheProxyConfigAndItsAccessLogHasNoPlaceForAToken() throws Exception {
        require(NGINX, "apt-get install nginx");
        require(LocalNginx.OPENSSL, "apt-get install openssl");
        Path site = LocalNginx.site(tmp, true, freePort(), freePort(), 8080, 8081);
        Run test = run(null, LocalNginx.command(tmp, site, false, "-t").toArray(String[]::new));
        assertThat(test.exit()).as(test.output()).isZero();
        assertThat(test.output()).contains("syntax is ok", "test is successful");

        String shipped = Files.readString(LocalNginx.SHIPPED);
        String format = shipped.substring(shipped.indexOf("log_format"), shipped.indexOf(';', shipped.indexOf("log_format")));
        java.util.regex.Matcher variables = java.util.regex.Pattern.compile("\\$([a-z_]+)").matcher(format);
        List<String> used = new java.util.ArrayList<>();
        while (variables.find()) {
            used.add(variables.group(1));
        }
        assertThat(used).contains("uri", "status").doesNotContainAnyElementsOf(List.of("request", "request_uri", "args",
                "query_string", "is_args", "http_authorization", "http_referer", "http_cookie"));
        assertThat(used).noneMatch(v -> v.startsWith("arg_") || v.startsWith("cookie_"));
        assertThat(shipped.lines().filter(l -> l.trim().startsWith("access_log")))
                .as("every access log uses the token-free format").isNotEmpty()
                .allMatch(l -> l.trim().endsWith("borderwatch_notoken;"));
    }

    @Test
    void nginxAcceptsTheProvincesRoutingOverTheShippedSite() throws Exception {
        require(NGINX, "apt-get install nginx");
        require(LocalNginx.OPENSSL, "apt-get install openssl");
        Path site = LocalNginx.site(tmp, true, freePort(), freePort(), 8080, 8081);
        // As the provinces file tells the operator: its upstreams instead of the one pool, chosen by province.
        String routed = Files.readString(site).replaceFirst("(?s)upstream borderwatch \\{.*?\\n\\}\\n", "")
                .replace("proxy_pass http://borderwatch;", "proxy_pass http://$borderwatch_pool;");
        assertThat(routed).doesNotContain("http://borderwatch;").contains("http://$borderwatch_pool;");
        Files.writeString(site, Files.readString(Path.of("ops/nginx/borderwatch-provinces.conf")) + routed);
        Run test = run(null, LocalNginx.command(tmp, site, false, "-t").toArray(String[]::new));
        assertThat(test.exit()).as(test.output()).isZero();
        assertThat(test.output()).contains("test is successful");
    }

    @Test
    void nginxRedirectsToHttpsSendsHstsAndLogsNoToken() throws Exception {
        require(NGINX, "apt-get install nginx");
        require(LocalNginx.OPENSSL, "apt-get install openssl");
        try (TestServer node = new TestServer(tmp.resolve("data"), TestClock.clock())) {
            int https = freePort();
            int http = freePort();
            Path site = LocalNginx.site(tmp, true, https, http, node.port());
            Process nginx = new ProcessBuilder(LocalNginx.command(tmp, site, true)).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("nginx.out").toFile()).start();
            try {
                awaitListening(https, nginx);
                HttpClient plain = HttpClient.newHttpClient();
                HttpResponse<String> redirect = plain.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + http + "/api/v1/board")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(redirect.statusCode()).isEqualTo(301);
                assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("https://"));

                HttpClient tls = HttpClient.newBuilder().sslContext(trustingEveryone()).build();
                String secret = TestServer.TOKEN;
                HttpResponse<String> board = tls.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + https
                        + "/api/v1/board")).header("Authorization", "Bearer " + secret).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(board.statusCode()).as(board.body()).isEqualTo(200);
                assertThat(board.headers().firstValue("Strict-Transport-Security"))
                        .hasValueSatisfying(h -> assertThat(h).contains("max-age=31536000"));
                HttpResponse<String> report = tls.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + https
                        + "/api/v1/reports/2025?format=json&access_token=" + secret)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
                HttpResponse<String> refused = tls.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + https
                        + "/api/v1/board")).header("Authorization", "Bearer not-" + secret).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(refused.headers().firstValue("Strict-Transport-Security")).as("HSTS on refusals too").isPresent();
            } finally {
                nginx.destroy();
                nginx.waitFor(10, TimeUnit.SECONDS);
            }
            String log = Files.readString(tmp.resolve("access.log"));
            assertThat(log).contains("/api/v1/board", "/api/v1/reports/2025", " 401 ");
            assertThat(log).doesNotContain(TestServer.TOKEN).doesNotContain("access_token");
        }
    }

    private static void awaitListening(int port, Process nginx) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                assertThat(nginx.isAlive()).as("nginx stopped").isTrue();
                assertThat(System.currentTimeMillis()).as("nginx did not listen within 10 s").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    /** The test's certificate is self-signed; what is checked here is nginx's behaviour, not the certificate. */
    private static javax.net.ssl.SSLContext trustingEveryone() throws Exception {
        javax.net.ssl.TrustManager[] all = {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }};
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, all, new java.security.SecureRandom());
        return context;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void systemdUnitsPassVerify() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        require(analyze, "apt-get install systemd");
        Path units = tmp.resolve("units");
        Files.createDirectories(units);
        for (String unit : List.of("borderwatch.service", "borderwatch-backup.service", "borderwatch-backup.timer")) {
            Files.copy(Path.of("ops/systemd", unit), units.resolve(unit));
        }
        Run verify = run(null, analyze.toString(), "verify", units.resolve("borderwatch.service").toString(),
                units.resolve("borderwatch-backup.service").toString(), units.resolve("borderwatch-backup.timer").toString());
        assertThat(verify.exit()).as(verify.output()).isZero();
        String service = Files.readString(Path.of("ops/systemd/borderwatch.service"));
        assertThat(service).contains("StateDirectory=borderwatch", "UMask=0077", "CapabilityBoundingSet=\n",
                "ProtectKernelTunables=true", "RestrictAddressFamilies=", "SystemCallFilter=@system-service",
                "LimitNOFILE=", "BORDERWATCH_HOST=127.0.0.1");
    }

    /**
     * The unit's start line, as its shell runs it (systemd's $$ and %% undone, a stand-in JVM that
     * prints its arguments): the first run of a jar records a class archive, later runs map it, and a
     * new jar starts a new one and removes the old.
     */
    @Test
    void theUnitRecordsAClassArchiveOnceAndMapsItAfterwards() throws Exception {
        String service = Files.readString(Path.of("ops/systemd/borderwatch.service"));
        String start = "ExecStart=/bin/sh -c '";
        String line = service.substring(service.indexOf(start) + start.length());
        line = line.substring(0, line.indexOf("'\n")).replace("\\\n", " ").replace("$$", "$").replace("%%", "%")
                .replace("\\n", "\n");
        Path state = tmp.resolve("state");
        Files.createDirectories(state);
        Path jar = tmp.resolve("borderwatch.jar");
        Files.writeString(jar, "a jar");
        String script = line.replace("/var/lib/borderwatch", state.toString())
                .replace("/opt/borderwatch/borderwatch.jar", jar.toString()).replace("exec /usr/bin/java", "exec echo");
        Run first = run(null, "/bin/sh", "-c", script);
        assertThat(first.output()).contains("-XX:ArchiveClassesAtExit=" + state + "/borderwatch-", "-jar " + jar + " serve");
        String archive = first.output().replaceAll("(?s).*-XX:ArchiveClassesAtExit=(\\S+).*", "$1");
        Files.writeString(Path.of(archive), "classes");
        Run second = run(null, "/bin/sh", "-c", script);
        assertThat(second.output()).contains("-XX:SharedArchiveFile=" + archive).doesNotContain("ArchiveClassesAtExit");
        assertThat(jar.toFile().setLastModified(jar.toFile().lastModified() + 60_000)).isTrue();
        Run upgraded = run(null, "/bin/sh", "-c", script);
        assertThat(upgraded.output()).contains("-XX:ArchiveClassesAtExit=").doesNotContain(archive);
        assertThat(Path.of(archive)).doesNotExist();
    }

    @Test
    void theClusterComposeFileIsValidAndNamesThreeNodes() throws Exception {
        require(COMPOSE, "apt-get install docker-compose");
        Path file = Path.of("ops/eventstoredb/docker-compose.yml");
        Run check = run(null, COMPOSE.toString(), "-f", file.toString(), "--profile", "certs", "config");
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("node1:", "node2:", "node3:", "certs:", "KURRENTDB_CLUSTER_SIZE: '3'",
                "kurrentdb:25.1");
        for (String node : List.of("node1", "node2", "node3")) {
            assertThat(check.output()).contains("/etc/kurrentdb/certs/" + node + "/node.crt");
        }
    }
}
