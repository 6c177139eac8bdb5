package borderwatch.service;

import borderwatch.engine.Engine;
import borderwatch.http.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** The node's health, for supervisors and balancers: alive, caught up, and what the store says. */
final class HealthRoutes {

    public static final long READY_LAG = Engine.READY_LAG;

    private final Engine engine;
    private final java.util.List<? extends Engine> provinces;

    public HealthRoutes(Engine engine) {
        this(java.util.List.of(engine));
    }

    /** A node of several provinces is ready when every province's board is caught up with its store. */
    public HealthRoutes(java.util.List<? extends Engine> provinces) {
        this.engine = provinces.get(0);
        this.provinces = java.util.List.copyOf(provinces);
    }

    /** The largest lag of the node's provinces: the one a viewer could be shown stale figures from. */
    private long projectionLag() {
        long lag = 0;
        for (Engine e : provinces) {
            lag = Math.max(lag, e.projectionLag());
        }
        return lag;
    }

    /** Store reads may cross the network, so they run off the event loop. */
    public void health(RoutingContext ctx) {
        ctx.vertx().executeBlocking(() -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", "up");
            out.put("store", engine.storage().describe());
            out.put("storedPosition", engine.storage().headPosition());
            out.put("projectedPosition", engine.live().position());
            out.put("projectionLag", projectionLag());
            if (provinces.size() > 1) {
                out.put("provinces", provinces.size());
            }
            return out;
        }, false).onSuccess(out -> Json.send(ctx, 200, out)).onFailure(ctx::fail);
    }

    /** The process answers: for a supervisor deciding whether to restart it. */
    public void live(RoutingContext ctx) {
        Json.send(ctx, 200, Map.of("status", "up"));
    }

    /**
     * Ready for traffic: the store answers and the live board is caught up with it (within
     * {@link #READY_LAG} events), so a balancer sends viewers only to nodes that show current figures.
     */
    public void ready(RoutingContext ctx) {
        ctx.vertx().executeBlocking(this::projectionLag, false).onComplete(answer -> {
            Map<String, Object> out = new LinkedHashMap<>();
            if (answer.succeeded()) {
                long lag = answer.result();
                out.put("store", "up");
                out.put("projectionLag", lag);
                boolean ready = lag <= READY_LAG;
                out.put("status", ready ? "ready" : "catching-up");
                Json.send(ctx, ready ? 200 : 503, out);
            } else {
                Throwable e = answer.cause();
                out.put("status", "store-unavailable");
                out.put("store", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                Json.send(ctx, 503, out);
            }
        });
    }
}
