package borderwatch.web;

import borderwatch.app.Core;
import borderwatch.congestion.ActivateResponsePlan;
import borderwatch.congestion.LevelConfig;
import borderwatch.congestion.StandDownResponsePlan;
import borderwatch.gate.GateConfig;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v1/gates/{gate}/plans/activate} and {@code …/deactivate}: a coordinator puts a
 * level's response plan into effect, or stands it down, saying who and why.
 */
final class ResponsePlansRoute {

    private final Core core;
    private final Clock clock;
    private final VisibleCommands commands;

    ResponsePlansRoute(Vertx vertx, Core core, Clock clock) {
        this.core = core;
        this.clock = clock;
        this.commands = new VisibleCommands(vertx, core);
    }

    private GateConfig gate(RoutingContext ctx) {
        String id = ctx.pathParam("gate");
        return core.gates().find(id).orElseThrow(() -> new BadRequest(404,
                List.of(FieldError.of("gate", "unknown gate '" + id + "'"))));
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw BadRequest.of(field, "must be a string");
        }
        return v.textValue();
    }

    void activate(RoutingContext ctx) {
        GateConfig gate = gate(ctx);
        JsonNode body = Json.body(ctx);
        JsonNode level = body.get("level");
        if (level == null || !level.isIntegralNumber()) {
            throw BadRequest.of("level", "must be the number of a configured level");
        }
        int n = level.intValue();
        List<LevelConfig> levels = gate.levels().levels();
        if (n < 1 || n > levels.size() || !levels.get(n - 1).hasPlan()) {
            throw BadRequest.of("level", gate.id() + " has no response plan for level " + n);
        }
        Instant at = clock.instant();
        send(ctx, new ActivateResponsePlan(gate.id(), n, text(body, "by"), text(body, "reason"),
                UUID.randomUUID().toString(), at), gate.id(), n, at);
    }

    void deactivate(RoutingContext ctx) {
        GateConfig gate = gate(ctx);
        JsonNode body = Json.body(ctx);
        Instant at = clock.instant();
        send(ctx, new StandDownResponsePlan(gate.id(), text(body, "by"), text(body, "reason"),
                UUID.randomUUID().toString(), at), gate.id(), 0, at);
    }

    private void send(RoutingContext ctx, Object command, String gate, int level, Instant at) {
        commands.send(command)
              .onSuccess(v -> {
                  Map<String, Object> out = new LinkedHashMap<>();
                  out.put("gate", gate);
                  out.put("activeLevel", level);
                  out.put("at", at);
                  Json.send(ctx, 200, out);
              })
              .onFailure(ctx::fail);
    }
}
