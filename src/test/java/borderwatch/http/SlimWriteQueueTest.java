package borderwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The slim write queue reaches this Vert.x's sockets, and a socket with it delivers every write made
 * from other threads, in order. Fails on a Vert.x whose internals moved, so an upgrade is noticed.
 */
class SlimWriteQueueTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void aSocketWithTheSlimQueueGetsEveryWriteFromOtherThreadsInOrder() throws Exception {
        assertThat(SlimWriteQueue.available()).as("this Vert.x is laid out as SlimWriteQueue expects").isTrue();
        CompletableFuture<ServerWebSocket> opened = new CompletableFuture<>();
        CompletableFuture<Boolean> swapped = new CompletableFuture<>();
        // Upgraded through a router, as the API's sockets are: Vert.x Web hands the socket out wrapped.
        Router router = Router.router(vertx);
        router.get("/ws").handler(ctx -> ctx.request().toWebSocket().onSuccess(socket -> {
            swapped.complete(SlimWriteQueue.swap(socket));
            opened.complete(socket);
        }));
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setStrictThreadMode(true))
                .requestHandler(router)
                .listen(0, "127.0.0.1").await();
        List<String> received = new CopyOnWriteArrayList<>();
        WebSocketClient client = vertx.createWebSocketClient();
        WebSocket ws = client.connect(server.actualPort(), "127.0.0.1", "/ws").await();
        CompletableFuture<List<String>> all = new CompletableFuture<>();
        ws.textMessageHandler(m -> {
            received.add(m);
            if (received.size() == 4_000) {
                all.complete(received);
            }
        });
        ServerWebSocket socket = opened.get(10, TimeUnit.SECONDS);
        assertThat(swapped.get()).as("the socket's queue was swapped").isTrue();

        // Written from two threads at once, neither the socket's event loop: through the queue.
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> writers = List.of("a", "b").stream().map(prefix -> new Thread(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            IntStream.range(0, 2_000).forEach(i -> socket.writeTextMessage(prefix + i));
        })).toList();
        writers.forEach(Thread::start);
        go.countDown();
        for (Thread w : writers) {
            w.join();
        }
        assertThat(all.get(20, TimeUnit.SECONDS)).hasSize(4_000);
        assertThat(received.stream().filter(m -> m.startsWith("a")).toList())
                .containsExactlyElementsOf(IntStream.range(0, 2_000).mapToObj(i -> "a" + i).toList());
        assertThat(received.stream().filter(m -> m.startsWith("b")).toList())
                .containsExactlyElementsOf(IntStream.range(0, 2_000).mapToObj(i -> "b" + i).toList());
        ws.close().await();
        client.close().await();
    }
}
