package borderwatch.plugin;

import borderwatch.auth.Tokens;
import borderwatch.engine.Node;
import borderwatch.http.Access;
import borderwatch.http.HttpLimits;
import borderwatch.http.Sockets;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the HTTP server hands each feature as it starts: the router and its shared handlers, the node,
 * the service clock and meters, and the parts one feature provides or the assembly configures for
 * another (the live feed, the drills, the demo's controls). A feature registers here what to undo when
 * the server stops.
 */
public final class Wiring {

    private final Vertx vertx;
    private final Router router;
    private final Node node;
    private final Clock clock;
    private final Clock recordingClock;
    private final Access access;
    private final Handler<RoutingContext> body;
    private final Sockets sockets;
    private final HttpLimits limits;
    private final MeterRegistry meters;
    private final Tokens tokens;
    private final Map<Class<?>, Object> parts = new HashMap<>();
    private final Map<String, Boolean> options;
    private final List<Runnable> afterStart = new ArrayList<>();
    private final List<Runnable> onStop = new ArrayList<>();

    public Wiring(Vertx vertx, Router router, Node node, Clock clock, Clock recordingClock, Access access,
                  Handler<RoutingContext> body,
                  Sockets sockets, HttpLimits limits, MeterRegistry meters, Tokens tokens, Map<Class<?>, Object> parts,
                  Map<String, Boolean> options) {
        this.vertx = vertx;
        this.router = router;
        this.node = node;
        this.clock = clock;
        this.recordingClock = recordingClock;
        this.access = access;
        this.body = body;
        this.sockets = sockets;
        this.limits = limits;
        this.meters = meters;
        this.tokens = tokens;
        this.parts.putAll(parts);
        this.options = Map.copyOf(options);
    }

    public Vertx vertx() {
        return vertx;
    }

    public Router router() {
        return router;
    }

    public Node node() {
        return node;
    }

    /** The service's clock (a demo may run faster than the wall clock). */
    public Clock clock() {
        return clock;
    }

    /** The clock the store stamps events with when it records them: the wall clock, whatever business time says. */
    public Clock recordingClock() {
        return recordingClock;
    }

    public Access access() {
        return access;
    }

    /** Reads a request body of the API's bounded size. */
    public Handler<RoutingContext> body() {
        return body;
    }

    public Sockets sockets() {
        return sockets;
    }

    public HttpLimits limits() {
        return limits;
    }

    public MeterRegistry meters() {
        return meters;
    }

    public Tokens tokens() {
        return tokens;
    }

    /** An on/off choice of the service (e.g. the public board), or {@code byDefault} when it made none. */
    public boolean enabled(String option, boolean byDefault) {
        return options.getOrDefault(option, byDefault);
    }

    /** A part configured by the assembly or provided by a feature started earlier; empty when there is none. */
    public <T> Optional<T> part(Class<T> type) {
        return Optional.ofNullable(type.cast(parts.get(type)));
    }

    /** A part this feature cannot work without: its absence is a mistake in the list of features. */
    public <T> T require(Class<T> type, String providedBy) {
        return part(type).orElseThrow(() -> new IllegalStateException(type.getSimpleName() + " is provided by "
                + providedBy + ", which must come earlier in the list of features"));
    }

    /** Offers {@code part} to the features started after this one. */
    public <T> void provide(Class<T> type, T part) {
        parts.put(type, part);
    }

    /** Runs once every feature has started (e.g. a feed whose snapshot other features add to). */
    public void afterStart(Runnable action) {
        afterStart.add(action);
    }

    public void onStop(Runnable action) {
        onStop.add(action);
    }

    List<Runnable> afterStartActions() {
        return afterStart;
    }

    List<Runnable> stopActions() {
        return onStop;
    }
}
