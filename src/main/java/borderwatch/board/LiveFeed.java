package borderwatch.board;

import borderwatch.gate.GateEvent;
import borderwatch.readmodel.FeedSource;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The WebSocket feed {@code /ws/live}. Projection changes only mark what changed and ask for a flush
 * a few milliseconds later; the flush builds each changed message once, for all clients, from the
 * live read model, so a burst of events becomes one message per gate. A client gets a snapshot when
 * it connects, then deltas, and a heartbeat when nothing else happens.
 */
public final class LiveFeed implements borderwatch.plugin.LiveTopics {

    /**
     * How long changes are gathered before they are pushed: at least 10 ms, and longer while
     * fanning out to many clients takes time, so a busy node sends fewer, fuller updates instead of
     * building a backlog.
     */
    static final long MIN_FLUSH_DELAY_MS = 10;
    static final long MAX_FLUSH_DELAY_MS = 250;
    private static final int FAN_OUT_FACTOR = 4;
    static final long HEARTBEAT_CHECK_MS = 1_000;
    static final long HEARTBEAT_MS = 5_000;
    /**
     * The plan's progress and the activity list move with nearly every report but are read at a
     * glance, not watched per vehicle: sent at most this often, they took 40% of each flush's bytes
     * away (a plan message and a full activity list are each about as large as two gate messages).
     * What changed in between goes with the next flush or the periodic check.
     */
    static final long SUMMARY_EVERY_MS = 900;

    private final Vertx vertx;
    private final FeedSource source;
    private final Clock clock;
    private final List<LiveClient> clients = new ArrayList<>();
    private final Set<String> dirtyGates = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean planDirty = new AtomicBoolean();
    private long activitySent;
    private long lastSentAt;
    private long summarySentAt = Long.MIN_VALUE / 2;
    private long tickTimer;
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private io.vertx.core.Context context;
    private volatile long flushDelayMs = MIN_FLUSH_DELAY_MS;
    private Runnable unsubscribe = () -> { };
    private final Map<String, java.util.function.Supplier<Object>> extras = new LinkedHashMap<>();

    public LiveFeed(Vertx vertx, FeedSource source, Clock clock) {
        this.vertx = vertx;
        this.source = source;
        this.clock = clock;
    }

    /** Starts the tick on the calling verticle's context, where the sockets live too. */
    public void start() {
        context = vertx.getOrCreateContext();
        unsubscribe = source.onChange(this::changed);
        tickTimer = vertx.setPeriodic(HEARTBEAT_CHECK_MS, id -> tick());
    }

    public void stop() {
        unsubscribe.run();
        vertx.cancelTimer(tickTimer);
        for (LiveClient c : List.copyOf(clients)) {
            c.socket().close();
        }
    }

    /** Runs on the processor thread: remember what changed and ask for a flush, nothing more. */
    private void changed(Object event) {
        remember(event);
        if (flushScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> vertx.setTimer(flushDelayMs, id -> {
                flushScheduled.set(false);
                tick();
            }));
        }
    }

    private void remember(Object event) {
        if (event instanceof GateEvent g) {
            dirtyGates.add(g.gate());
        }
        // Any event may move the plan's progress or add to the activity list.
        planDirty.set(true);
    }

    /**
     * Adds a part to every snapshot, read when a client connects, e.g. the latest forecast, which
     * another feature keeps and sends on with {@link #announce} when it changes.
     */
    @Override
    public void include(String key, java.util.function.Supplier<Object> part) {
        extras.put(key, part);
    }

    /** A listening client: anything it sends is ignored. */
    public void attach(ServerWebSocket socket, Runnable onClose) {
        attach(socket, text -> { }, onClose);
    }

    /** A client whose viewer also steers the feed (history playback): its text messages go to {@code onText}. */
    public void attach(ServerWebSocket socket, Consumer<String> onText, Runnable onClose) {
        connected(socket, onText, onClose);
    }

    /** Sends one message to every client now, outside the change-driven flushes. */
    @Override
    public void announce(String key, Object message) {
        Buffer encoded = LiveMessages.encode(message);
        for (LiveClient client : clients) {
            client.send(key, encoded);
        }
    }

    private void connected(ServerWebSocket socket, Consumer<String> onText, Runnable onClose) {
        LiveClient client = new LiveClient(LiveSocket.of(socket));
        clients.add(client);
        socket.closeHandler(v -> {
            clients.remove(client);
            onClose.run();
        });
        socket.exceptionHandler(e -> socket.close());
        socket.textMessageHandler(onText::accept);
        socket.binaryMessageHandler(b -> { });
        // A request paused while its feed was being prepared is read again from here on.
        socket.resume();
        Instant now = clock.instant();
        Map<String, Object> parts = new LinkedHashMap<>();
        extras.forEach((key, part) -> parts.put(key, part.get()));
        Buffer snapshot = LiveMessages.encode(source.live().query(m -> LiveMessages.snapshot(m, now, parts)));
        client.send("snapshot", snapshot);
    }

    private void tick() {
        tick(false);
    }

    private void tick(boolean summaryNow) {
        Instant now = clock.instant();
        long nowMillis = System.nanoTime() / 1_000_000;
        List<String> gates = new ArrayList<>(dirtyGates);
        dirtyGates.removeAll(gates);
        boolean plan = (summaryNow || nowMillis - summarySentAt >= SUMMARY_EVERY_MS) && planDirty.getAndSet(false);
        Map<String, Buffer> out = new LinkedHashMap<>();
        if (!gates.isEmpty() || plan) {
            source.live().query(m -> {
                for (String gate : gates) {
                    if (m.gates().find(gate).isPresent()) {
                        out.put("gate:" + gate, LiveMessages.encode(LiveMessages.gate(m, gate, now)));
                    }
                }
                if (plan) {
                    out.put("plan", LiveMessages.encode(LiveMessages.planMessage(m, now)));
                    RecentActivity activity = RecentActivity.of(m);
                    if (activity.added() != activitySent) {
                        activitySent = activity.added();
                        out.put("feed", LiveMessages.encode(LiveMessages.feed(m, now, activity.items())));
                    }
                }
                return null;
            });
        }
        if (plan) {
            summarySentAt = nowMillis;
        }
        if (out.isEmpty() && nowMillis - lastSentAt >= HEARTBEAT_MS) {
            out.put("heartbeat", LiveMessages.encode(LiveMessages.heartbeat(source.live().position(), now)));
        }
        if (out.isEmpty()) {
            return;
        }
        lastSentAt = nowMillis;
        byte[] frame = LiveClient.frame(out.values());
        long started = System.nanoTime();
        for (LiveClient client : clients) {
            client.send(out, frame);
        }
        long fanOutMs = (System.nanoTime() - started) / 1_000_000;
        flushDelayMs = Math.max(MIN_FLUSH_DELAY_MS, Math.min(MAX_FLUSH_DELAY_MS, fanOutMs * FAN_OUT_FACTOR));
    }

    /**
     * Sends every gate's tile and the plan again now, whether or not an event moved them: a replay's
     * clock moves on while a quiet gate has no event, and its "last 60 minutes" and "today" with it.
     */
    public void refreshAll() {
        source.live().query(m -> {
            m.gates().all().forEach(g -> dirtyGates.add(g.id()));
            return null;
        });
        planDirty.set(true);
        tick(true);
    }

    public int clientCount() {
        return clients.size();
    }

    /** Messages held back for slow clients right now, summed over clients (bounded by clients × keys). */
    public int pendingMessages() {
        return clients.stream().mapToInt(LiveClient::pendingCount).sum();
    }
}
