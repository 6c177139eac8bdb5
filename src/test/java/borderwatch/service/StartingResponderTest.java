package borderwatch.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** While a node folds its history it is alive and says it is starting; then it lets the real server have the port. */
class StartingResponderTest {

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aliveNotReadyWhileStartingThenThePortIsFree() throws Exception {
        int port = freePort();
        StartingResponder starting = StartingResponder.listen(vertx, "127.0.0.1", port);
        assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get(port, "/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.headers().firstValue("retry-after")).hasValue("5");
        HttpResponse<String> board = get(port, "/api/v1/board?province=lai-chau");
        assertThat(board.statusCode()).isEqualTo(503);
        assertThat(board.body()).contains("\"status\":\"starting\"");
        starting.close();
        starting.close();
        // The real server takes the port at once.
        var real = vertx.createHttpServer().requestHandler(r -> r.response().end("real")).listen(port, "127.0.0.1").await();
        assertThat(get(port, "/health/live").body()).isEqualTo("real");
        real.close().await();
        // A port another process holds is refused in the words of the real server's refusal.
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> StartingResponder.listen(vertx, "127.0.0.1", taken.getLocalPort()))
                    .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
        }
        // Port 0: the real server picks its own, and nothing listens meanwhile.
        StartingResponder.listen(vertx, "127.0.0.1", 0).close();
    }
}
