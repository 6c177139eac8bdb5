package borderwatch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.auth.Role;
import borderwatch.http.Json;
import borderwatch.province.Province;
import borderwatch.service.ApiClient;
import borderwatch.service.TestServer;
import borderwatch.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhooks against a receiver on loopback: signed deliveries, retries with back-off, and ingest never held up. */
class WebhooksTest {

    private static final String SECRET = "k3v9-Q7zt-W1pm-R8dx-L2bn";

    @TempDir
    Path data;
    private TestServer server;
    private HttpServer receiver;
    private Webhooks webhooks;
    private final CountDownLatch release = new CountDownLatch(1);

    /** One request as the receiver saw it. */
    record Received(String kind, String timestamp, String signature, String delivery, byte[] body, long atMillis) {
        JsonNode json() throws Exception {
            return Json.mapper().readTree(body);
        }
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        release.countDown();
        if (webhooks != null) {
            webhooks.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        if (server != null) {
            server.close();
        }
    }

    /** A receiver answering each request with the status {@code answers} gives (0: never answers). */
    private URI receiver(IntSupplier answers) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            received.add(new Received(h.getFirst("X-BorderWatch-Event"), h.getFirst(Signature.TIMESTAMP),
                    h.getFirst(Signature.HEADER), h.getFirst("X-BorderWatch-Delivery"), body, System.currentTimeMillis()));
            int status = answers.getAsInt();
            if (status == 0) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    }

    private void start(URI url, Duration firstRetry, List<String> events) {
        server = new TestServer(data, TestClock.clock());
        webhooks = new Webhooks(List.of(new Hook("duty-room", url, SECRET, Set.copyOf(events), Set.of())),
                server.core.gates(), TestClock.clock(), firstRetry, server.metrics.registry());
        server.notify(webhooks);
    }

    private static String queue(String id, int waiting) {
        return "{\"events\":[{\"id\":\"" + id + "\",\"type\":\"QueueObserved\",\"gate\":\"tan-thanh\",\"at\":\""
                + TestClock.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"waiting\":" + waiting + "}]}";
    }

    private Received next() throws InterruptedException {
        Received r = received.poll(15, TimeUnit.SECONDS);
        assertThat(r).as("a delivery within 15 s").isNotNull();
        return r;
    }

    @Test
    void aRaisedLevelAndAnActivatedPlanReachTheReceiverSignedAndAdminsSeeTheDeliveries() throws Exception {
        start(receiver(() -> 200), Webhooks.FIRST_RETRY, Notification.KINDS);
        ApiClient api = new ApiClient(server.port());
        assertThat(api.post("/api/v1/events", queue("q1", 260)).status()).isEqualTo(200);

        Received raised = next();
        assertThat(raised.kind()).isEqualTo("level.raised");
        assertThat(raised.signature()).isEqualTo(Signature.sign(SECRET, Long.parseLong(raised.timestamp()), raised.body()));
        assertThat(raised.signature()).isNotEqualTo(Signature.sign("another-secret-of-enough-length",
                Long.parseLong(raised.timestamp()), raised.body()));
        assertThat(Math.abs(TestClock.now().getEpochSecond() - Long.parseLong(raised.timestamp()))).isLessThan(60);
        JsonNode body = raised.json();
        assertThat(body.path("kind").asText()).isEqualTo("level.raised");
        assertThat(body.path("deliveryId").asText()).isEqualTo(raised.delivery());
        assertThat(body.path("gate").path("id").asText()).isEqualTo("tan-thanh");
        assertThat(body.path("gate").path("nameVi").asText()).isEqualTo("Tân Thanh");
        assertThat(body.path("to").path("level").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(body.path("waiting").asInt()).isEqualTo(260);
        assertThat(body.path("eventId").asText()).isNotBlank();

        var activated = api.post("/api/v1/gates/tan-thanh/plans/activate",
                "{\"level\":2,\"by\":\"Nguyễn Văn A\",\"reason\":\"Xe xuất khẩu ùn ứ <b>\"}");
        assertThat(activated.status()).as(activated.text()).isEqualTo(200);
        Received plan = next();
        assertThat(plan.kind()).isEqualTo("plan.activated");
        assertThat(plan.json().path("reason").asText()).isEqualTo("Xe xuất khẩu ùn ứ <b>");
        assertThat(plan.json().path("level").path("id").asText()).isNotBlank();

        String admin = server.tokens.create(Role.ADMIN, Set.of(), "admin").token();
        long until = System.currentTimeMillis() + 5_000;
        JsonNode log;
        do {
            var reply = new ApiClient(server.port(), admin).get("/api/v1/webhooks");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.text()).doesNotContain(SECRET);
            log = reply.json();
            Thread.sleep(20);
        } while (log.path("deliveries").size() < 2 && System.currentTimeMillis() < until);
        assertThat(log.path("hooks").get(0).path("id").asText()).isEqualTo("duty-room");
        assertThat(log.path("deliveries")).hasSize(2).allSatisfy(d -> {
            assertThat(d.path("outcome").asText()).isEqualTo("delivered");
            assertThat(d.path("attempts").asInt()).isEqualTo(1);
            assertThat(d.path("lastStatus").asInt()).isEqualTo(200);
        });
        assertThat(log.path("deliveries").get(0).path("kind").asText()).as("newest first").isEqualTo("plan.activated");
        assertThat(api.get("/api/v1/webhooks").status()).as("a coordinator may not read it").isEqualTo(403);
        assertThat(new ApiClient(server.port(), admin).get("/api/v1/webhooks?limit=0").status()).isEqualTo(400);
    }

    @Test
    void aFailingReceiverIsTriedAgainWithGrowingWaitsUntilItAnswers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        start(receiver(() -> calls.incrementAndGet() <= 3 ? 503 : 200), Duration.ofMillis(100),
                List.of(Notification.LEVEL_RAISED));
        assertThat(new ApiClient(server.port()).post("/api/v1/events", queue("q1", 260)).status()).isEqualTo(200);
        List<Received> tries = List.of(next(), next(), next(), next());
        assertThat(tries).extracting(Received::delivery).containsOnly(tries.get(0).delivery());
        long first = tries.get(1).atMillis() - tries.get(0).atMillis();
        long third = tries.get(3).atMillis() - tries.get(2).atMillis();
        assertThat(first).as("first wait").isGreaterThanOrEqualTo(90);
        assertThat(third).as("third wait, four times the first").isGreaterThanOrEqualTo(380);
        long until = System.currentTimeMillis() + 5_000;
        while (!"delivered".equals(webhooks.log().latest(1).get(0).outcome()) && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertThat(webhooks.log().latest(1).get(0)).satisfies(d -> {
            assertThat(d.outcome()).isEqualTo("delivered");
            assertThat(d.attempts()).isEqualTo(4);
        });
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).as("nothing after delivery").isNull();
    }

    @Test
    void aRefusalThatRetryingCannotMendEndsTheDelivery() throws Exception {
        start(receiver(() -> 400), Duration.ofMillis(50), List.of(Notification.LEVEL_RAISED));
        assertThat(new ApiClient(server.port()).post("/api/v1/events", queue("q1", 260)).status()).isEqualTo(200);
        next();
        long until = System.currentTimeMillis() + 5_000;
        while (!"failed".equals(webhooks.log().latest(1).get(0).outcome()) && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertThat(webhooks.log().latest(1).get(0).attempts()).isEqualTo(1);
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).as("not tried again").isNull();
    }

    @Test
    void aReceiverThatNeverAnswersDoesNotHoldUpReports() throws Exception {
        start(receiver(() -> 0), Duration.ofMillis(50), Notification.KINDS);
        ApiClient api = new ApiClient(server.port());
        long started = System.nanoTime();
        // Each pair raises and clears the level: forty notifications, none of them answered.
        for (int i = 0; i < 20; i++) {
            assertThat(api.post("/api/v1/events", queue("up" + i, 260)).status()).isEqualTo(200);
            assertThat(api.post("/api/v1/events", queue("down" + i, 0)).status()).isEqualTo(200);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).as("forty reports stored while the receiver hangs").isLessThan(Webhooks.TIMEOUT.toMillis());
        next();
        assertThat(webhooks.log().latest(100)).as("one being sent, the gate's later changes coalesced into the newest")
                .isNotEmpty().allMatch(d -> d.outcome().equals("pending") || d.outcome().equals("coalesced"));
    }

    @Test
    void beyondItsCapNewDeliveriesAreDroppedAndCountedAndAStopGivesUpTheRest() throws Exception {
        URI url = receiver(() -> 0);
        server = new TestServer(data, TestClock.clock());
        webhooks = new Webhooks(List.of(new Hook("duty-room", url, SECRET, Set.copyOf(Notification.KINDS), Set.of())),
                server.core.gates(), TestClock.clock(), Duration.ofMillis(50), server.metrics.registry(), 2);
        server.notify(webhooks);
        ApiClient api = new ApiClient(server.port());
        // Four decisions for a receiver that never answers: one being sent, two waiting, one past the cap.
        for (String gate : List.of("huu-nghi", "tan-thanh", "coc-nam", "chi-ma")) {
            assertThat(api.post("/api/v1/gates/" + gate + "/plans/activate",
                    "{\"level\":1,\"by\":\"Trực ban\",\"reason\":\"diễn tập\"}").status()).isEqualTo(200);
        }
        long until = System.currentTimeMillis() + 5_000;
        // A delivery is logged as pending before it is offered, and as dropped once refused.
        while (webhooks.log().latest(100).stream().noneMatch(d -> d.outcome().equals("dropped"))
                && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        var outcomes = webhooks.log().latest(100).stream().map(DeliveryLog.Entry::outcome).toList();
        assertThat(outcomes).hasSize(4).containsOnly("pending", "dropped");
        assertThat(outcomes.stream().filter("dropped"::equals).count()).isEqualTo(1);
        assertThat(server.metrics.registry().get("borderwatch.webhook.deliveries").tag("outcome", "dropped")
                .counter().count()).isEqualTo(1.0);
        webhooks.close();
        webhooks = null;
        assertThat(api.post("/api/v1/events", queue("after-stop", 260)).status())
                .as("a stopped notifier no longer listens, and the board goes on").isEqualTo(200);
    }

    @Test
    void theHooksFileRefusesWhatCannotWork() throws Exception {
        Province ls = Province.defaults();
        assertThat(load(ls, "{\"webhooks\":[{\"id\":\"a\",\"url\":\"https://example.org/h\",\"secret\":\"" + SECRET + "\"}]}"))
                .singleElement().satisfies(h -> assertThat(h.events()).containsExactlyInAnyOrderElementsOf(Notification.KINDS));
        assertThatThrownBy(() -> load(ls, "{\"webhooks\":[{\"id\":\"a\",\"url\":\"ftp://x/h\",\"secret\":\"" + SECRET + "\"}]}"))
                .hasMessageContaining("url");
        assertThatThrownBy(() -> load(ls, "{\"webhooks\":[{\"id\":\"a\",\"url\":\"https://x/h\",\"secret\":\"short\"}]}"))
                .hasMessageContaining("secret");
        assertThatThrownBy(() -> load(ls, "{\"webhooks\":[{\"id\":\"a\",\"url\":\"https://x/h\",\"secret\":\"" + SECRET
                + "\",\"events\":[\"level.exploded\"]}]}")).hasMessageContaining("level.exploded");
        assertThatThrownBy(() -> load(ls, "{\"webhooks\":[{\"id\":\"a\",\"url\":\"https://x/h\",\"secret\":\"" + SECRET
                + "\",\"gates\":[\"atlantis\"]}]}")).hasMessageContaining("atlantis");
        assertThatThrownBy(() -> load(ls, "{\"webhooks\":[{\"id\":\"a\",\"url\":\"https://x/h\",\"secret\":\"" + SECRET
                + "\"},{\"id\":\"a\",\"url\":\"https://y/h\",\"secret\":\"" + SECRET + "\"}]}")).hasMessageContaining("unique");
        assertThatThrownBy(() -> load(ls, "{\"webhooks\":[{\"id\":\"a\",\"url\":\"https://u:p@x/h\",\"secret\":\"" + SECRET
                + "\"}]}")).hasMessageContaining("user name");
        assertThatThrownBy(() -> load(ls, "{\"webhooks\":[{\"id\":\"a\",\"url\":\"https://x/h\",\"secret\":\"" + SECRET
                + "\",\"gates\":\"tan-thanh\"}]}")).as("one gate not in a list would widen the hook to every gate")
                .hasMessageContaining("gates must be a list");
        assertThat(load(ls, "{\"webhooks\":[{\"id\":\"a\",\"url\":\"HTTPS://Example.org/h\",\"secret\":\"" + SECRET + "\"}]}"))
                .as("a scheme is compared without case").hasSize(1);
        for (String weak : List.of("replace with a long random string, e.g. openssl rand -hex 32", "aaaaaaaaaaaaaaaaaaaaaaaa",
                "0123456789abcdef", "my-webhook-secret-2025", "abababababababababab", "tab\\tinside-k3v9Q7ztW1pm")) {
            assertThatThrownBy(() -> load(ls, "{\"webhooks\":[{\"id\":\"a\",\"url\":\"https://x/h\",\"secret\":\"" + weak
                    + "\"}]}")).as(weak).hasMessageContaining("secret");
        }
        assertThatThrownBy(() -> load(ls, "{\"webhooks\":[{\"id\":\"a\",\"url\":\"https://x/h\",\"secret\":\"" + SECRET
                + "\",\"gates\":[\"Tan-Thanh\"]}]}")).hasMessageContaining("Tan-Thanh");
        Hook chat = new Hook("a", URI.create("https://hooks.example.com:8443/services/T0/B0/key?token=k"), SECRET, Set.of(), Set.of());
        assertThat(chat.toString()).doesNotContain(SECRET).doesNotContain("key").contains("https://hooks.example.com:8443/…");
    }

    @Test
    void theWaitDoublesAndStopsGrowingAtFiveMinutes() {
        Webhooks w = new Webhooks(List.of(), Province.defaults(), TestClock.clock(), Duration.ofSeconds(2), null);
        assertThat(List.of(w.backoff(1), w.backoff(2), w.backoff(3), w.backoff(8), w.backoff(40)))
                .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(256),
                        Duration.ofMinutes(5));
        w.close();
    }

    private List<Hook> load(Province province, String json) throws Exception {
        Path file = data.resolve("hooks.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return HookFile.load(file, province);
    }

    @Test
    void aReceiverThatTricklesAHugeBodyDoesNotPinItsDelivery() throws Exception {
        try (java.net.ServerSocket trickler = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!trickler.isClosed()) {
                    try {
                        java.net.Socket s = trickler.accept();
                        Thread worker = new Thread(() -> trickle(s));
                        worker.setDaemon(true);
                        worker.start();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            start(URI.create("http://127.0.0.1:" + trickler.getLocalPort() + "/hook"), Duration.ofMillis(50),
                    Notification.KINDS);
            ApiClient api = new ApiClient(server.port());
            assertThat(api.post("/api/v1/events", queue("up", 260)).status()).isEqualTo(200);
            assertThat(api.post("/api/v1/events", queue("down", 0)).status()).isEqualTo(200);
            long until = System.currentTimeMillis() + 8_000;
            while (webhooks.log().latest(10).stream().filter(d -> d.outcome().equals("delivered")).count() < 2
                    && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            assertThat(webhooks.log().latest(10)).as("both answered 200 at once; their bodies are not waited for")
                    .extracting(DeliveryLog.Entry::outcome).containsExactly("delivered", "delivered");
        }
    }

    /** Reads the request, answers 200 announcing 100 MB, then sends a byte a second. */
    private static void trickle(java.net.Socket s) {
        try (s) {
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            int length = 0;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            in.skip(length);
            var out = s.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\nContent-Type: text/plain\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            for (int i = 0; i < 60; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(1_000);
            }
        } catch (java.io.IOException | InterruptedException | RuntimeException e) {
            // the client hung up: what it should do
        }
    }

    @Test
    void aDeadReceiverBacksUpOnlyItsOwnQueueAndLevelFlipsOfAGateAreCoalesced() throws Exception {
        URI dead = receiver(() -> 0);
        HttpServer healthy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        BlockingQueue<String> kinds = new LinkedBlockingQueue<>();
        healthy.createContext("/ok", exchange -> {
            exchange.getRequestBody().readAllBytes();
            kinds.add(exchange.getRequestHeaders().getFirst("X-BorderWatch-Event"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        healthy.start();
        try {
            server = new TestServer(data, TestClock.clock());
            webhooks = new Webhooks(List.of(
                    new Hook("dead", dead, SECRET, Set.copyOf(Notification.KINDS), Set.of()),
                    new Hook("healthy", URI.create("http://127.0.0.1:" + healthy.getAddress().getPort() + "/ok"), SECRET,
                            Set.copyOf(Notification.KINDS), Set.of())),
                    server.core.gates(), TestClock.clock(), Duration.ofMillis(50), server.metrics.registry(), 100);
            server.notify(webhooks);
            ApiClient api = new ApiClient(server.port());
            // One batch of 2,400 reports flipping Tân Thanh's level up and down.
            StringBuilder batch = new StringBuilder("{\"events\":[");
            java.time.Instant at = TestClock.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3_000);
            for (int i = 0; i < 2_400; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"id\":\"flip").append(i)
                        .append("\",\"type\":\"QueueObserved\",\"gate\":\"tan-thanh\",\"at\":\"").append(at.plusSeconds(i))
                        .append("\",\"waiting\":").append(i % 2 == 0 ? 260 : 0).append('}');
            }
            assertThat(api.post("/api/v1/events", batch.append("]}").toString()).status()).isEqualTo(200);
            assertThat(api.post("/api/v1/gates/tan-thanh/plans/activate",
                    "{\"level\":1,\"by\":\"Trực ban\",\"reason\":\"xe ùn\"}").status()).isEqualTo(200);
            long until = System.currentTimeMillis() + 15_000;
            while (!kinds.contains(Notification.PLAN_ACTIVATED) && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            assertThat(kinds).as("the healthy hook is told of the plan").contains(Notification.PLAN_ACTIVATED);
            assertThat(kinds.size()).as("flips still waiting were coalesced, not sent one by one").isLessThan(200);
            var registry = server.metrics.registry();
            assertThat(registry.get("borderwatch.webhook.deliveries").tag("hook", "healthy").tag("outcome", "dropped")
                    .counter().count()).isZero();
            assertThat(registry.get("borderwatch.webhook.deliveries").tag("hook", "dead").tag("outcome", "coalesced")
                    .counter().count()).as("the dead hook's queue holds one level change of the gate").isGreaterThan(2_000);
        } finally {
            healthy.stop(0);
        }
    }
}
