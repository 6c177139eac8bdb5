package borderwatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.service.TestServer;
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
        assertThat(rules.output()).contains("SUCCESS: 4 rules found");
    }

    @Test
    void aRealScrapePassesPromtoolAndHasWhatTheRulesAndDashboardUse() throws Exception {
        require(PROMTOOL, "apt-get install prometheus");
        try (TestServer server = new TestServer(tmp.resolve("data"), Clock.systemUTC())) {
            // Traffic first, so the command bus, event store and processor meters exist too.
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/api/v1/events")).header("content-type", "application/json")
                .header("Authorization", "Bearer " + TestServer.TOKEN).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"events\":[{\"id\":\"o1\",\"type\":\"QueueObserved\",\"gate\":\"tan-thanh\",\"at\":\""
                            + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            + "\",\"waiting\":260}]}")).build(), HttpResponse.BodyHandlers.ofString());
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
            assertThat(scrape).contains("command_bus_success_total", "live_projections_latency");
            for (String metric : List.of("borderwatch_gate_congestion_level", "borderwatch_events_projected_total",
                    "borderwatch_projection_lag_events", "borderwatch_gate_waiting", "borderwatch_websocket_sessions")) {
                assertThat(rules).as("the kit uses " + metric).contains(metric);
                assertThat(scrape).as("the node exports " + metric).contains(metric);
            }
        }
    }

    @Test
    void nginxAcceptsTheProxyConfig() throws Exception {
        require(NGINX, "apt-get install nginx");
        Run test = run(null, LocalNginx.command(tmp, Path.of("ops/nginx/borderwatch.conf"), false, "-t")
                .toArray(String[]::new));
        assertThat(test.exit()).as(test.output()).isZero();
        assertThat(test.output()).contains("syntax is ok", "test is successful");
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
