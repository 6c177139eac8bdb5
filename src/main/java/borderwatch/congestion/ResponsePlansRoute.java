package borderwatch.congestion;

import borderwatch.engine.Engine;
import borderwatch.gate.ActivateResponsePlan;
import borderwatch.gate.StandDownResponsePlan;
import borderwatch.http.Access;
import borderwatch.http.BadRequest;
import borderwatch.http.FieldError;
import borderwatch.http.Json;
import borderwatch.http.VisibleCommands;
import borderwatch.province.GateConfig;
import borderwatch.province.LevelConfig;
import borderwatch.shared.PersonText;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * A person's text, {@code by} or {@code reason}: required, a string, and within the one rule for
     * people's texts; what is wrong is added to {@code errors}, so a body's every problem is told at once.
     * The gate checks the same again before it stores anything.
     */
    private static String text(JsonNode body, String field, List<FieldError> errors) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            errors.add(FieldError.of(field, "is required"));
            return null;
        }
        if (!v.isTextual()) {
            errors.add(FieldError.of(field, "must be a string"));
            return null;
        }
        String text = v.textValue().strip();
        String why = text.isEmpty() ? "is required" : PersonText.problem(text, PersonText.MAX_REASON);
        if (why != null) {
            errors.add(FieldError.of(field, why));
        }
        return v.textValue();
    }

    public void activate(RoutingContext ctx) {
        Target target = targets.apply(ctx);
        GateConfig gate = gate(ctx, target);
        JsonNode body = Json.body(ctx);
        List<FieldError> errors = new ArrayList<>(FieldError.unknownFields(body, Set.of("level", "by", "reason"),
                "a plan activation"));
        JsonNode level = body.get("level");
        int n = 0;
        if (level == null || !level.isIntegralNumber() || !level.canConvertToInt()) {
            errors.add(FieldError.of("level", "must be the number of a configured level"));
        } else {
            n = level.intValue();
            List<LevelConfig> levels = gate.levels().levels();
            if (n < 1 || n > levels.size() || !levels.get(n - 1).hasPlan()) {
                errors.add(FieldError.of("level", gate.id() + " has no response plan for level " + n));
            }
        }
        String by = text(body, "by", errors);
        String reason = text(body, "reason", errors);
        if (!errors.isEmpty()) {
            throw new BadRequest(400, errors);
        }
        Instant at = target.clock().instant();
        send(ctx, target, new ActivateResponsePlan(gate.id(), n, by, reason, UUID.randomUUID().toString(), at),
                gate.id(), n, at);
    }

    public void deactivate(RoutingContext ctx) {
        Target target = targets.apply(ctx);
        GateConfig gate = gate(ctx, target);
        JsonNode body = Json.body(ctx);
        List<FieldError> errors = new ArrayList<>(FieldError.unknownFields(body, Set.of("by", "reason"),
                "a plan stand-down"));
        String by = text(body, "by", errors);
        String reason = text(body, "reason", errors);
        if (!errors.isEmpty()) {
            throw new BadRequest(400, errors);
        }
        Instant at = target.clock().instant();
        send(ctx, target, new StandDownResponsePlan(gate.id(), by, reason, UUID.randomUUID().toString(), at),
                gate.id(), 0, at);
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
