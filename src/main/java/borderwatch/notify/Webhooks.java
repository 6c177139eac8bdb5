package borderwatch.notify;

import borderwatch.engine.Engine;
import borderwatch.province.Province;
import borderwatch.readmodel.FeedSource;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications to the configured hooks, signed, with retries, on threads of its own: the
 * store's listener only hands the event over, so a slow or dead receiver never holds up a report.
 *
 * <p>Each hook has its own queue and sends one delivery at a time ({@link HookQueue}): decisions
 * first, a gate's waiting level changes coalesced into the newest. A delivery is retried after 5xx,
 * 408, 429, a timeout or any failure to connect or send, with the wait doubling from
 * {@code firstRetry}, for {@link #MAX_ATTEMPTS} attempts; any other answer ends it. An exchange has
 * {@link #TIMEOUT} in all, and the answer's body is never read. At most {@link #MAX_PENDING}
 * deliveries wait per hook; beyond that new ones are logged as dropped.
 */
public final class Webhooks implements AutoCloseable {

    public static final int MAX_ATTEMPTS = 8;
    public static final int MAX_PENDING = 1_000;
    static final List<String> OUTCOMES = List.of("delivered", "failed", "dropped", "coalesced");
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    public static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Hook> hooks;
    private final Province province;
    private final Clock clock;
    private final Duration firstRetry;
    private final DeliveryLog log = new DeliveryLog();
    private final Map<String, HookQueue> queues = new LinkedHashMap<>();
    private final ScheduledExecutorService timer;
    private final HttpClient http;
    private final MeterRegistry registry;
    private volatile Runnable stopListening = () -> { };
    private final int maxPending;

    public Webhooks(List<Hook> hooks, Province province, Clock clock, Duration firstRetry, MeterRegistry registry) {
        this(hooks, province, clock, firstRetry, registry, MAX_PENDING);
    }

    Webhooks(List<Hook> hooks, Province province, Clock clock, Duration firstRetry, MeterRegistry registry, int maxPending) {
        this.maxPending = maxPending;
        this.hooks = List.copyOf(hooks);
        this.province = province;
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.registry = registry;
        // Without hooks there is nothing to send: no thread, no client.
        this.timer = this.hooks.isEmpty() ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webhooks");
            t.setDaemon(true);
            return t;
        });
        this.http = this.hooks.isEmpty() ? null : HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).executor(timer).build();
        for (Hook hook : this.hooks) {
            queues.put(hook.id(), new HookQueue(hook, maxPending));
            if (registry != null) {
                // Present at zero from the start, so an alert on a rate or an absence works before the first failure.
                for (String outcome : OUTCOMES) {
                    counter(hook, outcome);
                }
            }
        }
    }

    public static Webhooks none(Province province) {
        return new Webhooks(List.of(), province, Clock.systemUTC(), FIRST_RETRY, null);
    }

    public List<Hook> hooks() {
        return hooks;
    }

    public DeliveryLog log() {
        return log;
    }

    /**
     * Listens to the live board once it has caught up with the store, so a start does not send the
     * notifications of history again.
     */
    public void listenTo(Engine engine, FeedSource feed) {
        if (!hooks.isEmpty()) {
            engine.whenHeadProjected().thenRun(() -> stopListening = feed.onChange(this::accept));
        }
    }

    /**
     * Called for every event the live board applies; returns at once, and never throws: it runs
     * among the board's own listeners.
     */
    public void accept(Object event) {
        if (hooks.isEmpty()) {
            return;
        }
        try {
            Notification.of(event, province).ifPresent(n -> {
                for (Hook hook : hooks) {
                    if (hook.wants(n)) {
                        queue(hook, n);
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.error("webhooks: no notification for {}", event.getClass().getSimpleName(), e);
        }
    }

    private void queue(Hook hook, Notification n) {
        HookQueue q = queues.get(hook.id());
        Instant now = clock.instant();
        HookQueue.Waiting w = new HookQueue.Waiting(UUID.randomUUID().toString(), n, now);
        // Logged before it is offered: once offered, it may be sent and logged as delivered at once.
        record(hook, n, w.id(), now, 0, "pending", null, null, null, now);
        HookQueue.Offered offered = q.offer(w);
        if (offered.coalesced() != null) {
            HookQueue.Waiting older = offered.coalesced();
            record(hook, older.notification(), older.id(), older.queuedAt(), 0, "coalesced", null,
                    "a newer level change of " + n.gate() + " replaced it", now, null);
            count(hook, "coalesced");
        }
        if (offered.dropped() != null) {
            drop(hook, offered.dropped(), now, "a decision needed its place in a full queue");
        }
        if (!offered.queued()) {
            drop(hook, w, now, "more than " + maxPending + " deliveries waiting for this hook");
            return;
        }
        pump(q);
    }

    private void drop(Hook hook, HookQueue.Waiting w, Instant now, String why) {
        record(hook, w.notification(), w.id(), w.queuedAt(), 0, "dropped", null, why, now, null);
        count(hook, "dropped");
        LOG.warn("webhook {}: {} of {} dropped: {}", hook.id(), w.notification().kind(), w.notification().gate(), why);
    }

    /** Starts the hook's next delivery, unless one is being sent. */
    private void pump(HookQueue q) {
        HookQueue.Waiting next = q.take();
        if (next == null) {
            return;
        }
        byte[] body;
        try {
            var payload = new LinkedHashMap<String, Object>();
            payload.put("deliveryId", next.id());
            payload.putAll(next.notification().body());
            body = JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification is plain JSON", e);
        }
        if (timer.isShutdown()) {
            return;
        }
        timer.execute(() -> attempt(q, next, body, 1));
    }

    private void attempt(HookQueue q, HookQueue.Waiting w, byte[] body, int attempt) {
        try {
            send(q, w, body, attempt);
        } catch (RuntimeException e) {
            // A task on this executor that throws is dropped silently: end the delivery where it is seen.
            done(q, w, attempt, "failed", null, describe(e), clock.instant());
        }
    }

    private void send(HookQueue q, HookQueue.Waiting w, byte[] body, int attempt) {
        Hook hook = q.hook();
        Notification n = w.notification();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(hook.url()).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "BorderWatch-Webhooks/1")
                .header("X-BorderWatch-Event", n.kind())
                .header("X-BorderWatch-Delivery", w.id())
                .header(Signature.TIMESTAMP, Long.toString(timestamp))
                .header(Signature.HEADER, Signature.sign(hook.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        // The answer's status is all that counts: the body is never read (closing the stream drops the
        // connection), so a receiver announcing 100 MB and trickling a byte a second holds nothing.
        var exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        // The request's timeout covers waiting for the answer's headers; this covers the whole exchange.
        var deadline = timer.schedule(() -> exchange.cancel(true), TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        exchange.whenComplete((response, failure) -> {
            deadline.cancel(false);
            if (response != null) {
                try {
                    response.body().close();
                } catch (java.io.IOException | RuntimeException ignored) {
                    // the status is known; the connection is dropped either way
                }
            }
            Instant at = clock.instant();
            Integer status = response == null ? null : response.statusCode();
            String error = failure == null ? null
                    : failure instanceof java.util.concurrent.CancellationException
                    ? "no complete answer within " + TIMEOUT.toSeconds() + " s" : describe(failure);
            if (status != null && status / 100 == 2) {
                done(q, w, attempt, "delivered", status, null, at);
            } else if (attempt < MAX_ATTEMPTS && (status == null || status >= 500 || status == 408 || status == 429)) {
                Duration wait = backoff(attempt);
                record(hook, n, w.id(), w.queuedAt(), attempt, "pending", status, error, at, at.plus(wait));
                if (!timer.isShutdown()) {
                    timer.schedule(() -> attempt(q, w, body, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
                }
            } else {
                done(q, w, attempt, "failed", status, error, at);
                LOG.warn("webhook {}: {} of {} not delivered after {} attempt(s): {}", hook.id(), n.kind(), n.gate(),
                        attempt, status == null ? error : "status " + status);
            }
        });
    }

    Duration backoff(int attempt) {
        long millis = firstRetry.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, LONGEST_WAIT.toMillis()));
    }

    private void done(HookQueue q, HookQueue.Waiting w, int attempts, String outcome, Integer status, String error,
                      Instant at) {
        record(q.hook(), w.notification(), w.id(), w.queuedAt(), attempts, outcome, status, error, at, null);
        count(q.hook(), outcome);
        q.sent();
        pump(q);
    }

    private void count(Hook hook, String outcome) {
        if (registry != null) {
            counter(hook, outcome).increment();
        }
    }

    private Counter counter(Hook hook, String outcome) {
        return Counter.builder("borderwatch.webhook.deliveries").description("webhook deliveries ended, by outcome")
                .tag("hook", hook.id()).tag("outcome", outcome).register(registry);
    }

    private void record(Hook hook, Notification n, String id, Instant queued, int attempts, String outcome,
                        Integer status, String error, Instant lastAttempt, Instant next) {
        log.put(new DeliveryLog.Entry(id, hook.id(), n.kind(), n.eventId(), n.gate(), queued, attempts, outcome,
                status, error, attempts == 0 ? null : lastAttempt, next));
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** Stops listening first, so nothing is handed to a stopped thread; deliveries still waiting are given up. */
    @Override
    public void close() {
        stopListening.run();
        if (timer != null) {
            int waiting = timer.shutdownNow().size();
            if (waiting > 0) {
                LOG.warn("webhooks: {} deliveries given up at stop", waiting);
            }
        }
    }
}
