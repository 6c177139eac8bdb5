package borderwatch.service;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.ops.LocalNginx;
import borderwatch.store.StoreLocation;
import borderwatch.store.kurrent.KurrentProtocolDoubles;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two BorderWatch nodes on one shared store (the KurrentDB protocol double) behind the real nginx
 * with the kit's {@code ops/nginx/borderwatch.conf} (only its ports changed): writes through the
 * proxy land on either node and show on both; a viewer's WebSocket through the proxy sees every
 * write; with one node gone the proxy keeps answering.
 */
class TwoNodesBehindNginxTest {

    private static final Path NGINX = LocalNginx.BINARY;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-14T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private AutoCloseable store;
    private TestServer a;
    private TestServer b;
    private Process nginx;
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        for (TestServer node : new TestServer[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        if (store != null) {
            store.close();
        }
        vertx.close().await();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private int startNginx(int portA, int portB) throws Exception {
        int port = freePort();
        Path sitePath = LocalNginx.site(tmp, false, port, freePort(), portA, portB);
        assertThat(Files.readString(sitePath)).contains(":" + portA, ":" + portB, "listen 127.0.0.1:" + port);
        nginx = new ProcessBuilder(LocalNginx.command(tmp, sitePath, true)).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("nginx.out").toFile()).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return port;
            } catch (java.io.IOException notYet) {
                assertThat(nginx.isAlive()).as(Files.exists(tmp.resolve("nginx.out"))
                        ? Files.readString(tmp.resolve("nginx.out")) : "nginx stopped").isTrue();
                assertThat(System.currentTimeMillis()).as("nginx did not listen within 10 s").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    private static String cleared(String id, int vehicles) {
        return "{\"events\":[{\"id\":\"" + id + "\",\"type\":\"VehiclesCleared\",\"gate\":\"tan-thanh\","
                + "\"at\":\"2025-05-14T08:15:00+07:00\",\"direction\":\"EXPORT\",\"vehicles\":" + vehicles + "}]}";
    }

    private static int exportToday(ApiClient node) throws Exception {
        return node.get("/api/v1/board").json().get("gates").get(1).get("exportVehiclesToday").asInt();
    }

    @Test
    void writesThroughTheProxyShowOnBothNodesAndOnAViewersFeed() throws Exception {
        if (!Files.isExecutable(NGINX)) {
            System.err.println("SKIPPED: " + NGINX + " is not installed (apt-get install nginx)");
        }
        Assumptions.assumeTrue(Files.isExecutable(NGINX), NGINX + " is not installed (apt-get install nginx)");
        if (!Files.isExecutable(LocalNginx.OPENSSL)) {
            System.err.println("SKIPPED: " + LocalNginx.OPENSSL + " is not installed (apt-get install openssl)");
        }
        Assumptions.assumeTrue(Files.isExecutable(LocalNginx.OPENSSL), "openssl is not installed");
        store = KurrentProtocolDoubles.start();
        StoreLocation shared = new StoreLocation.Kurrent(KurrentProtocolDoubles.connectionString(store));
        a = new TestServer(shared, tmp.resolve("a"), CLOCK);
        b = new TestServer(shared, tmp.resolve("b"), CLOCK);
        int proxy = startNginx(a.port(), b.port());
        ApiClient viaProxy = new ApiClient(proxy);

        BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        WebSocketClient wsClient = vertx.createWebSocketClient();
        var ws = FeedInbox.connect(wsClient, proxy, "/ws/live", inbox);
        FeedInbox.next(inbox, "snapshot", 10);

        // nginx takes turns between the nodes, so these four land on both.
        int sent = 0;
        for (int i = 1; i <= 4; i++) {
            ApiClient.Reply r = viaProxy.post("/api/v1/events", cleared("proxy-" + i, i));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.json().get("accepted").asInt()).isEqualTo(1);
            sent += i;
        }
        int expected = sent;
        FeedInbox.next(inbox, "gate", 10, m -> m.get("tile").get("gate").asText().equals("tan-thanh")
                && m.get("tile").get("exportVehiclesToday").asInt() == expected);
        long until = System.currentTimeMillis() + 10_000;
        while (exportToday(new ApiClient(a.port())) != expected || exportToday(new ApiClient(b.port())) != expected) {
            assertThat(System.currentTimeMillis()).as("both nodes show all four writes").isLessThan(until);
            Thread.sleep(20);
        }
        assertThat(viaProxy.post("/api/v1/events", cleared("proxy-1", 1)).json().get("duplicates").asInt())
                .as("a repeat is recognised whichever node takes it").isEqualTo(1);
        ws.close();

        a.close();
        a = null;
        for (int i = 0; i < 4; i++) {
            assertThat(viaProxy.get("/api/v1/board").status()).as("the proxy keeps answering with one node").isEqualTo(200);
        }
        ApiClient.Reply afterLoss = viaProxy.post("/api/v1/events", cleared("proxy-5", 5));
        assertThat(afterLoss.status()).as(afterLoss.text()).isEqualTo(200);
        assertThat(exportToday(viaProxy)).isEqualTo(expected + 5);
    }
}
