package borderwatch.congestion;

import borderwatch.engine.Engine;
import borderwatch.gate.ActivateResponsePlan;
import borderwatch.gate.GateConfig;
import borderwatch.gate.LevelConfig;
import borderwatch.gate.StandDownResponsePlan;
import borderwatch.http.Access;
import borderwatch.http.BadRequest;
import borderwatch.http.FieldError;
import borderwatch.http.Json;
import borderwatch.http.VisibleCommands;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code POST /api/v1/gates/{gate}/plans/activate} and {@code …/deactivate}: a coordinator puts a
 * level's response plan into effect, or stands it down, saying who and why.
 */
public final class ResponsePlansRoute {

    /** Where a request's commands go: the live node, or a drill's sandbox on the drill's clock. */
    public record Target(Engine engine, Clock clock) {
    }

    private final Vertx vertx;
    private final Function<RoutingContext, Target> targets;

    public ResponsePlansRoute(Vertx vertx, Function<RoutingContext, Target> targets) {
        this.vertx = vertx;
        this.targets = targets;
    }

    private static GateConfig gate(RoutingContext ctx, Target target) {
        String id = ctx.pathParam("gate");
        return target.engine().gates().find(id).orElseThrow(() -> new BadRequest(404,
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
        // The gate decides whether the text may be stored, under the one rule for people's texts.
        return v.textValue();
    }

    public void activate(RoutingContext ctx) {
        Target target = targets.apply(ctx);
        GateConfig gate = gate(ctx, target);
        JsonNode body = Json.body(ctx);
        JsonNode level = body.get("level");
        if (level == null || !level.isIntegralNumber() || !level.canConvertToInt()) {
            throw BadRequest.of("level", "must be the number of a configured level");
        }
        int n = level.intValue();
        List<LevelConfig> levels = gate.levels().levels();
        if (n < 1 || n > levels.size() || !levels.get(n - 1).hasPlan()) {
            throw BadRequest.of("level", gate.id() + " has no response plan for level " + n);
        }
        Instant at = target.clock().instant();
        send(ctx, target, new ActivateResponsePlan(gate.id(), n, text(body, "by"), text(body, "reason"),
                UUID.randomUUID().toString(), at), gate.id(), n, at);
    }

    public void deactivate(RoutingContext ctx) {
        Target target = targets.apply(ctx);
        GateConfig gate = gate(ctx, target);
        JsonNode body = Json.body(ctx);
        Instant at = target.clock().instant();
        send(ctx, target, new StandDownResponsePlan(gate.id(), text(body, "by"), text(body, "reason"),
                UUID.randomUUID().toString(), at), gate.id(), 0, at);
    }

    private void send(RoutingContext ctx, Target target, Object command, String gate, int level, Instant at) {
        new VisibleCommands(vertx, target.engine()).send(command, Access.principal(ctx))
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
