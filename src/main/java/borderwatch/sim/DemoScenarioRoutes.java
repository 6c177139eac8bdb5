package borderwatch.sim;

import borderwatch.engine.Engine;
import borderwatch.http.BadRequest;
import borderwatch.http.FieldError;
import borderwatch.http.Json;
import borderwatch.province.GateConfig;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo's congestion controls, served only by {@code demo}: {@code GET /api/v1/demo/scenarios},
 * {@code POST /api/v1/demo/scenarios} ({@code {"gate", "kind": "surge"|"closure", "hours", "percent"}})
 * and {@code DELETE /api/v1/demo/scenarios/{gate}}. They change what the simulator does next, never
 * what is stored.
 */
final class DemoScenarioRoutes {

    static final int MAX_HOURS = 24;
    static final int MAX_PERCENT = 500;

    private final Engine engine;
    private final DemoScenarios scenarios;
    private final Clock clock;

    public DemoScenarioRoutes(Engine engine, DemoScenarios scenarios, Clock clock) {
        this.engine = engine;
        this.scenarios = scenarios;
        this.clock = clock;
    }

    private static final java.util.Set<String> FIELDS = java.util.Set.of("gate", "kind", "hours", "percent");

    public void list(RoutingContext ctx) {
        Json.send(ctx, 200, Map.of("scenarios", scenarios.active(clock.instant())));
    }

    public void start(RoutingContext ctx) {
        JsonNode body = Json.body(ctx);
        List<FieldError> errors = new ArrayList<>(FieldError.unknownFields(body, FIELDS, "a demo scenario"));
        JsonNode gateField = body.get("gate");
        GateConfig gate = gateField != null && gateField.isTextual() ? engine.gates().find(gateField.asText()).orElse(null) : null;
        if (gate == null) {
            errors.add(FieldError.of("gate", "must be one of the province's gates"));
        }
        String kind = body.path("kind").isTextual() ? body.path("kind").asText() : "";
        if (!kind.equals(DemoScenarios.SURGE) && !kind.equals(DemoScenarios.CLOSURE)) {
            errors.add(FieldError.of("kind", "must be 'surge' or 'closure'"));
        }
        int hours = whole(body.get("hours"), "hours", 1, MAX_HOURS, errors);
        int percent = kind.equals(DemoScenarios.SURGE) ? whole(body.get("percent"), "percent", 10, MAX_PERCENT, errors) : 0;
        if (!errors.isEmpty()) {
            throw new BadRequest(400, errors);
        }
        Instant now = clock.instant();
        DemoScenarios.Scenario s = new DemoScenarios.Scenario(gate.id(), kind, percent, now, now.plus(Duration.ofHours(hours)));
        scenarios.start(s);
        Json.send(ctx, 200, s);
    }

    public void end(RoutingContext ctx) {
        String gate = ctx.pathParam("gate");
        if (engine.gates().find(gate).isEmpty()) {
            throw BadRequest.of("gate", "unknown gate");
        }
        Json.send(ctx, 200, Map.of("ended", scenarios.end(gate, clock.instant())));
    }

    private static int whole(JsonNode n, String field, int min, int max, List<FieldError> errors) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
            errors.add(FieldError.of(field, "must be a whole number from " + min + " to " + max));
            return 0;
        }
        return n.intValue();
    }
}
