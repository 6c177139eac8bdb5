package borderwatch.web;

import borderwatch.engine.Engine;
import borderwatch.gate.GateConfig;
import borderwatch.board.Board;
import borderwatch.traffic.Totals;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only views: gates, board, totals, health. */
final class QueriesRoute {

    private static final long MAX_TOTALS_DAYS = 3_700;
    static final long READY_LAG = 1_000;

    private final Engine engine;
    private final Clock clock;

    QueriesRoute(Engine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    void gates(RoutingContext ctx) {
        List<Map<String, Object>> gates = engine.gates().all().stream().map(QueriesRoute::describe).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("province", Map.of("id", engine.gates().provinceId(), "nameVi", engine.gates().provinceVi(),
                "nameEn", engine.gates().provinceEn(), "zone", engine.gates().zone().getId()));
        out.put("gates", gates);
        Json.send(ctx, 200, out);
    }

    private static Map<String, Object> describe(GateConfig g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id());
        m.put("nameVi", g.nameVi());
        m.put("nameEn", g.nameEn());
        m.put("kind", g.kind().name().toLowerCase());
        m.put("zone", g.zone().getId());
        m.put("clearancePerHour", g.clearancePerHour());
        m.put("yardCapacity", g.yardCapacity());
        return m;
    }

    void board(RoutingContext ctx) {
        Json.send(ctx, 200, engine.live().query(m -> Board.of(m, clock.instant())));
    }

    void totals(RoutingContext ctx) {
        var q = ctx.queryParams();
        LocalDate from = PlansRoute.date(q.get("from"), "from", null);
        LocalDate to = PlansRoute.date(q.get("to"), "to", null);
        if (to.isBefore(from)) {
            throw BadRequest.of("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_TOTALS_DAYS) {
            throw BadRequest.of("to", "the range may span at most " + MAX_TOTALS_DAYS + " days");
        }
        String by = q.get("by") == null ? "day" : q.get("by");
        Totals.By grouping;
        if (by.equals("day")) {
            grouping = Totals.By.DAY;
        } else if (by.equals("month")) {
            grouping = Totals.By.MONTH;
        } else {
            throw BadRequest.of("by", "must be day or month");
        }
        String gate = q.get("gate");
        List<String> gates;
        if (gate == null || gate.isBlank()) {
            gates = engine.gates().all().stream().map(GateConfig::id).toList();
        } else if (engine.gates().find(gate).isPresent()) {
            gates = List.of(gate);
        } else {
            throw BadRequest.of("gate", "unknown gate '" + gate + "'");
        }
        List<Totals.Row> rows = engine.live().query(m -> Totals.of(m, gates, from, to, grouping));
        Json.send(ctx, 200, Map.of("from", from, "to", to, "by", by, "rows", rows));
    }

    /** Store reads may cross the network, so they run off the event loop. */
    void health(RoutingContext ctx) {
        ctx.vertx().executeBlocking(() -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", "up");
            out.put("store", engine.storage().describe());
            out.put("storedPosition", engine.storage().headPosition());
            out.put("projectedPosition", engine.live().position());
            out.put("projectionLag", engine.projectionLag());
            return out;
        }, false).onSuccess(out -> Json.send(ctx, 200, out)).onFailure(ctx::fail);
    }

    /** The process answers: for a supervisor deciding whether to restart it. */
    void live(RoutingContext ctx) {
        Json.send(ctx, 200, Map.of("status", "up"));
    }

    /**
     * Ready for traffic: the store answers and the live board is caught up with it (within
     * {@link #READY_LAG} events), so a balancer sends viewers only to nodes that show current figures.
     */
    void ready(RoutingContext ctx) {
        ctx.vertx().executeBlocking(engine::projectionLag, false).onComplete(answer -> {
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
