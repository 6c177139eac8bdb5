package borderwatch.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps slow, silent and greedy clients from holding a node's connections: at most
 * {@code connectionsPerAddress} open connections per client address (more are closed at once); a
 * connection must deliver a request's headers within {@code headerTimeout} of opening or of its
 * previous answer, else 408 and the connection is closed; a request's body must arrive within {@code bodyTimeout} of its
 * headers, else 408 and the connection is closed. Connections idle past {@code idleTimeout} are
 * closed by Vert.x itself; WebSockets are left to {@link Sockets}, which pings them.
 */
public final class ConnectionGuard {

    private final Vertx vertx;
    private final HttpLimits limits;
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    /** Each counted connection's way to give its slot back, at most once. */
    private final Map<HttpConnection, String> counted = new ConcurrentHashMap<>();
    private final Map<HttpConnection, Long> headerDeadlines = new ConcurrentHashMap<>();

    public ConnectionGuard(Vertx vertx, HttpLimits limits) {
        this.vertx = vertx;
        this.limits = limits;
    }

    /** For {@code HttpServer.connectionHandler}: counts the connection and starts its header deadline. */
    public void opened(HttpConnection connection) {
        String address = connection.remoteAddress() == null ? "unknown" : connection.remoteAddress().hostAddress();
        if (perAddress.merge(address, 1, Integer::sum) > limits.connectionsPerAddress()) {
            release(address);
            connection.close();
            return;
        }
        counted.put(connection, address);
        connection.closeHandler(v -> closed(connection));
        awaitHeaders(connection);
    }

    /**
     * Gives the connection's slot back. Its own close handler does so for HTTP; a connection upgraded
     * to a WebSocket is closed as the socket, which Vert.x does not report on the HTTP connection, so
     * the socket's owner calls this.
     */
    public void closed(HttpConnection connection) {
        cancelHeaderDeadline(connection);
        String address = counted.remove(connection);
        if (address != null) {
            release(address);
        }
    }

    private void release(String address) {
        perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    private void awaitHeaders(HttpConnection connection) {
        long timer = vertx.setTimer(limits.headerTimeout().toMillis(), id -> {
            if (headerDeadlines.remove(connection, id)) {
                RequestTimeout.answerAndClose(connection);
            }
        });
        headerDeadlines.put(connection, timer);
    }

    private void cancelHeaderDeadline(HttpConnection connection) {
        Long timer = headerDeadlines.remove(connection);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    /** The first route: the headers are in; the body, if any, now has its own deadline. */
    public Handler<RoutingContext> handler() {
        return ctx -> {
            HttpServerRequest request = ctx.request();
            HttpConnection connection = request.connection();
            cancelHeaderDeadline(connection);
            boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
            if (!upgrade) {
                // After the answer, the next request on a kept-alive connection has the same time to arrive.
                ctx.addEndHandler(done -> awaitHeaders(connection));
                if (!request.isEnded()) {
                    long timer = vertx.setTimer(limits.bodyTimeout().toMillis(), id -> {
                        if (!request.isEnded() && !ctx.response().ended()) {
                            ctx.response().putHeader("Connection", "close");
                            Json.error(ctx, 408, List.of(FieldError.of("body", "did not arrive within "
                                    + limits.bodyTimeout().toSeconds() + " s")));
                            connection.close();
                        }
                    });
                    ctx.addEndHandler(done -> vertx.cancelTimer(timer));
                }
            }
            ctx.next();
        };
    }
}
