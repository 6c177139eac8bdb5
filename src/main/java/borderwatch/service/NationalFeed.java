package borderwatch.service;

import borderwatch.auth.Principal;
import borderwatch.core.Core;
import borderwatch.http.Json;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code /ws/national}: the national board, sent when a viewer connects and again within a second of
 * any province's change (and every half minute, as "a usual day by this hour" moves on). Changes are
 * coalesced: a viewer gets the board as it is, never a queue of boards; one whose socket is still
 * sending the last skips a turn. Each viewer sees the provinces its token acts in.
 */
final class NationalFeed {

    static final long TICK_MILLIS = 1_000;
    static final long REFRESH_MILLIS = 30_000;
    /** Bytes a viewer's socket may hold unsent before it skips a board; a board is a few kilobytes. */
    static final int WRITE_QUEUE_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final List<Core> provinces;
    private final Clock clock;
    private final Map<ServerWebSocket, Set<String>> viewers = new ConcurrentHashMap<>();
    private final AtomicBoolean changed = new AtomicBoolean(true);
    private final List<Runnable> stopListening = new ArrayList<>();
    private long timer = -1;
    private long lastSent;

    NationalFeed(Vertx vertx, List<Core> provinces, Clock clock) {
        this.vertx = vertx;
        this.provinces = List.copyOf(provinces);
        this.clock = clock;
    }

    void start() {
        for (Core p : provinces) {
            stopListening.add(p.onChange(event -> changed.set(true)));
        }
        timer = vertx.setPeriodic(TICK_MILLIS, id -> tick());
    }

    void stop() {
        vertx.cancelTimer(timer);
        stopListening.forEach(Runnable::run);
        viewers.keySet().forEach(ServerWebSocket::close);
    }

    int viewers() {
        return viewers.size();
    }

    void attach(ServerWebSocket socket, Runnable closed, Principal who) {
        socket.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
        Set<String> scope = Set.copyOf(who.provinces());
        viewers.put(socket, scope);
        socket.closeHandler(v -> {
            viewers.remove(socket);
            closed.run();
        });
        // Anything a viewer sends is ignored; the board is all this socket carries.
        socket.handler(b -> { });
        board(scope).onSuccess(text -> send(socket, text));
    }

    private void tick() {
        long now = System.currentTimeMillis();
        boolean due = changed.getAndSet(false) || now - lastSent >= REFRESH_MILLIS;
        if (!due || viewers.isEmpty()) {
            return;
        }
        lastSent = now;
        // One board per scope: viewers of the same provinces share it.
        Map<Set<String>, List<ServerWebSocket>> byScope = new java.util.HashMap<>();
        viewers.forEach((socket, scope) -> byScope.computeIfAbsent(scope, s -> new ArrayList<>()).add(socket));
        byScope.forEach((scope, sockets) -> board(scope).onSuccess(text -> sockets.forEach(s -> send(s, text))));
    }

    private io.vertx.core.Future<String> board(Set<String> scope) {
        Instant now = clock.instant();
        List<Core> seen = provinces.stream().filter(p -> scope.isEmpty() || scope.contains(p.gates().provinceId())).toList();
        return vertx.executeBlocking(() -> Json.mapper().writeValueAsString(
                NationalMessage.of(NationalBoard.read(seen, now))), false);
    }

    private static void send(ServerWebSocket socket, String text) {
        if (!socket.isClosed() && !socket.writeQueueFull()) {
            socket.writeTextMessage(text);
        }
    }
}
