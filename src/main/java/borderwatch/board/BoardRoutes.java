package borderwatch.board;

import borderwatch.engine.Engine;
import borderwatch.http.BadRequest;
import borderwatch.http.Json;
import borderwatch.province.GateConfig;
import borderwatch.tradeplan.PlansRoute;
import borderwatch.traffic.Totals;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The board's read-only views: the gates, the board, totals by day or month. */
final class BoardRoutes {

    private static final long MAX_TOTALS_DAYS = 3_700;

    private final Engine engine;
    private final Clock clock;

    public BoardRoutes(Engine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    public void gates(RoutingContext ctx) {
        List<Map<String, Object>> gates = engine.gates().all().stream().map(BoardRoutes::describe).toList();
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

    public void board(RoutingContext ctx) {
        Json.send(ctx, 200, engine.live().query(m -> Board.of(m, clock.instant())));
    }

    public void totals(RoutingContext ctx) {
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
}
