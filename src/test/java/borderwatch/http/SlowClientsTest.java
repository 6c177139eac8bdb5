package borderwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.service.ApiClient;
import borderwatch.service.FeedInbox;
import borderwatch.service.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.WebSocketClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Idle, trickling and stalled clients from one address cannot lock others out, and do not stay. */
class SlowClientsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-14T03:00:00Z"), ZoneOffset.UTC);
    private static final int ATTACKERS = Integer.getInteger("attackers", 1_000);
    private static final int PER_ADDRESS = Integer.getInteger("perAddress", 200);
    private static final Duration HEADERS = Duration.ofSeconds(2);
    private static final Duration BODY = Duration.ofSeconds(2);

    @TempDir
    Path data;
    private TestServer server;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new TestServer(data, CLOCK);
        server.limit(l -> l.withConnectionsPerAddress(PER_ADDRESS)
                .withTimeouts(HEADERS, BODY, Duration.ofSeconds(60), Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        server.close();
    }

    /** From 127.0.0.2: every other loopback address is another client as far as the node can tell. */
    private Socket attacker(String sends) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        s.setSoTimeout(15_000);
        if (!sends.isEmpty()) {
            s.getOutputStream().write(sends.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
        }
        sockets.add(s);
        return s;
    }

    private int healthFromAnotherAddress() throws Exception {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health/live"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** What the server sent before it closed the connection; fails if it was still open. */
    private static String readToClose(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder out = new StringBuilder();
        try {
            for (int b; (b = in.read()) >= 0; ) {
                out.append((char) b);
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the connection " + s.getLocalPort() + " was still open 15 s later; it had received: " + out);
        } catch (java.net.SocketException reset) {
            // Closed by the server with unread input: as good as closed.
        }
        return out.toString();
    }

    @Test
    void aThousandSilentTricklingOrStalledConnectionsFromOneAddressLockNobodyOutAndAreClosed() throws Exception {
        String[] kinds = {"", "GET /api/v1/board HTTP/1.1\r\nHost: x\r\nX-Slow: ",
            "POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"events\":["};
        List<Socket> stalledBodies = new ArrayList<>();
        long opened = System.nanoTime();
        for (int i = 0; i < ATTACKERS; i++) {
            Socket s = attacker(kinds[i % kinds.length]);
            if (i % kinds.length == 2 && i < PER_ADDRESS) {
                stalledBodies.add(s);
            }
        }
        assertThat(healthFromAnotherAddress()).as("served while the attack holds its connections").isEqualTo(200);
        assertThat(new ApiClient(server.port()).get("/api/v1/board").status()).isEqualTo(200);

        for (int i = 0; i < stalledBodies.size(); i++) {
            String answer = readToClose(stalledBodies.get(i));
            assertThat(answer).as("stalled body " + i + " of " + stalledBodies.size() + " after "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened) + " ms")
                    .startsWith("HTTP/1.1 408").contains("\"field\":\"body\"");
        }
        for (Socket s : sockets) {
            readToClose(s);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - opened);
        assertThat(seconds).as("every attacking connection closed soon after its deadline")
                .isLessThanOrEqualTo(HEADERS.plus(BODY).toSeconds() + 8);
        assertThat(healthFromAnotherAddress()).isEqualTo(200);
        assertThat(server.core.storage().headPosition()).as("nothing was stored").isZero();
    }

    @Test
    void silentAndTricklingConnectionsAreClosedAtTheHeaderDeadline() throws Exception {
        Socket silent = attacker("");
        Socket trickling = attacker("GET /api/v1/board HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        long started = System.nanoTime();
        assertThat(readToClose(silent)).as("silent").startsWith("HTTP/1.1 408").contains("\"field\":\"headers\"");
        assertThat(readToClose(trickling)).as("trickling").startsWith("HTTP/1.1 408");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                .isLessThan(HEADERS.toMillis() + 3_000);
    }

    @Test
    void aStalledBodyIsAnswered408AndClosed() throws Exception {
        Socket s = attacker("POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 400\r\n\r\n{\"events\":[");
        String answer = readToClose(s);
        assertThat(answer).startsWith("HTTP/1.1 408").contains("\"field\":\"body\"");
    }

    @Test
    void aKeptAliveConnectionGetsTheSameTimeForItsNextRequest() throws Exception {
        Socket s = attacker("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
        long started = System.nanoTime();
        String answer = readToClose(s);
        assertThat(answer).startsWith("HTTP/1.1 200").as("then 408 for the request that never came").contains("HTTP/1.1 408");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("closed after the header deadline")
                .isBetween(HEADERS.toMillis() - 200, HEADERS.toMillis() + 3_000);
    }

    @Test
    void closedWebSocketsGiveTheirConnectionSlotBack() throws Exception {
        server.limit(l -> l.withConnectionsPerAddress(3));
        for (int i = 0; i < 10; i++) {
            Socket ws = attacker(UPGRADE);
            byte[] head = new byte[12];
            assertThat(ws.getInputStream().readNBytes(head, 0, 12)).isEqualTo(12);
            assertThat(new String(head, StandardCharsets.ISO_8859_1)).as("socket " + i + " upgraded").isEqualTo("HTTP/1.1 101");
            ws.close();
            Thread.sleep(100);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String answer;
        do {
            answer = readToClose(attacker("GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        } while (!answer.startsWith("HTTP/1.1 200") && System.nanoTime() < deadline);
        assertThat(answer).as("the address still has its slots").startsWith("HTTP/1.1 200");
    }

    private static final String UPGRADE = "GET /ws/live HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            + "Authorization: Bearer " + TestServer.TOKEN + "\r\n\r\n";

    @Test
    void aWebSocketPeerThatNeverAnswersPingsIsClosed() throws Exception {
        // A hand-made WebSocket client: it upgrades and reads, but never answers a ping.
        Socket s = attacker(UPGRADE);
        long started = System.nanoTime();
        String received = readToClose(s);
        assertThat(received).startsWith("HTTP/1.1 101");
        // Two unanswered pings a second apart, then the close handshake's own wait of at most 10 s.
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(15);
    }

    @Test
    void aLiveFeedThatAnswersPingsStaysOpenAcrossTheDeadlines() throws Exception {
        WebSocketClient client = server.vertx.createWebSocketClient();
        LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        var ws = FeedInbox.connect(client, server.port(), "/ws/live", inbox);
        FeedInbox.next(inbox, "snapshot", 5);
        Thread.sleep(HEADERS.plus(BODY).toMillis() + 2_000);
        assertThat(ws.isClosed()).isFalse();
    }
}
