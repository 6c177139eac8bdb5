package borderwatch.http;

import borderwatch.auth.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Every WebSocket the API opened, with the token that opened it: revoking a token closes its
 * sockets at once (close code 1008, policy violation) instead of letting them run on; and every
 * socket is pinged, so that one whose peer has gone without a word (a laptop shut, a cable pulled)
 * is closed after two unanswered pings instead of holding its connection for good.
 */
public final class Sockets {

    public static final short POLICY_VIOLATION = 1008;
    public static final short GOING_AWAY = 1001;
    private static final Buffer PING = Buffer.buffer("bw");

    /** Hands an upgraded socket to its feed, which must run {@code closed} when the socket closes. */
    @FunctionalInterface
    public interface Attach {
        void attach(ServerWebSocket socket, Runnable closed);
    }

    private static final class Open {
        final String tokenId;
        volatile long lastPongNanos = System.nanoTime();

        Open(String tokenId) {
            this.tokenId = tokenId;
        }
    }

    private final Map<ServerWebSocket, Open> open = new ConcurrentHashMap<>();
    private final long pingTimer;
    private final Vertx vertx;
    private final Consumer<HttpConnection> connectionClosed;

    public Sockets(Vertx vertx, Tokens tokens, Duration pingInterval, Consumer<HttpConnection> connectionClosed) {
        this.vertx = vertx;
        this.connectionClosed = connectionClosed;
        tokens.onRevoked(this::closeAllOf);
        long silenceNanos = pingInterval.multipliedBy(2).plusSeconds(1).toNanos();
        pingTimer = vertx.setPeriodic(pingInterval.toMillis(), id -> pingAll(silenceNanos));
    }

    /**
     * Upgrades the request and hands the socket on; it is closed when its token is revoked. A failed
     * upgrade is answered here; the returned future tells the caller, to let go of what it prepared.
     */
    public Future<Void> upgrade(RoutingContext ctx, Attach attach) {
        String tokenId = Access.principal(ctx).tokenId();
        HttpConnection connection = ctx.request().connection();
        return ctx.request().toWebSocket().<Void>map(socket -> {
            SlimWriteQueue.swap(socket);
            RequestLog.upgraded(ctx);
            Open entry = new Open(tokenId);
            open.put(socket, entry);
            socket.pongHandler(pong -> entry.lastPongNanos = System.nanoTime());
            attach.attach(socket, () -> {
                open.remove(socket);
                connectionClosed.accept(connection);
            });
            return null;
        }).onFailure(ctx::fail);
    }

    public void stop() {
        vertx.cancelTimer(pingTimer);
    }

    private void pingAll(long silenceNanos) {
        long now = System.nanoTime();
        open.forEach((socket, entry) -> {
            if (now - entry.lastPongNanos > silenceNanos) {
                open.remove(socket);
                socket.close(GOING_AWAY, "no answer to ping");
            } else if (!socket.isClosed() && !socket.writeQueueFull()) {
                socket.writePing(PING);
            }
        });
    }

    private void closeAllOf(String tokenId) {
        open.forEach((socket, entry) -> {
            if (entry.tokenId.equals(tokenId)) {
                open.remove(socket);
                socket.close(POLICY_VIOLATION, "token revoked");
            }
        });
    }
}
