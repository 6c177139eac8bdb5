package borderwatch.service;

import borderwatch.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test client of a board's WebSocket feed that puts every message, unbatched, into a queue. */
public final class FeedInbox {

    private FeedInbox() {
    }

    public static WebSocket connect(WebSocketClient client, int port, String uri, BlockingQueue<JsonNode> inbox) {
        // Handlers go on before connecting: the server sends its snapshot at once.
        ClientWebSocket ws = client.webSocket();
        ws.textMessageHandler(text -> {
            try {
                JsonNode frame = Json.mapper().readTree(text);
                if (frame.isArray()) {
                    frame.forEach(inbox::add);
                } else {
                    inbox.add(frame);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri)
                .addHeader("Authorization", "Bearer " + TestServer.TOKEN)).await();
        return ws;
    }

    public static JsonNode next(BlockingQueue<JsonNode> inbox, String type, long seconds) throws InterruptedException {
        return next(inbox, type, seconds, m -> true);
    }

    /** The next message of {@code type} that matches, skipping others; fails after {@code seconds}. */
    public static JsonNode next(BlockingQueue<JsonNode> inbox, String type, long seconds, Predicate<JsonNode> matching)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            JsonNode m = inbox.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && m.get("type").asText().equals(type) && matching.test(m)) {
                return m;
            }
        }
        throw new AssertionError("no '" + type + "' message within " + seconds + " s");
    }
}
