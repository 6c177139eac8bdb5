package borderwatch.forecast;

import borderwatch.engine.Engine;
import borderwatch.http.BadRequest;
import borderwatch.http.FieldError;
import borderwatch.http.Json;
import borderwatch.province.GateConfig;
import borderwatch.readmodel.Replay;
import borderwatch.shared.DayOrInstant;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/forecast[?gate=…][&asOf=…]} and {@code POST /api/v1/forecast/{gate}/what-if}. */
final class ForecastRoutes {

    private final Vertx vertx;
    private final Engine engine;
    private final LiveForecast forecast;
    private final Clock clock;

    public ForecastRoutes(Vertx vertx, Engine engine, LiveForecast forecast, Clock clock) {
        this.vertx = vertx;
        this.engine = engine;
        this.forecast = forecast;
        this.clock = clock;
    }

    public void get(RoutingContext ctx) {
        String gate = ctx.queryParams().get("gate");
        if (gate != null && engine.gates().find(gate).isEmpty()) {
            throw BadRequest.of("gate", "unknown gate");
        }
        String rawAsOf = ctx.queryParams().get("asOf");
        Instant asOf = rawAsOf == null ? null : DayOrInstant.parse(rawAsOf, engine.gates().zone(), "asOf", false);
        if (asOf != null && asOf.isAfter(clock.instant())) {
            throw BadRequest.of("asOf", "must not be in the future: a forecast as of a past instant is made from what was "
                    + "known then");
        }
        // As of a past instant: the store replayed up to it (by business time), and the live forecaster run there.
        vertx.executeBlocking(() -> asOf == null ? forecast.current()
                        : Forecaster.run(Replay.asOf(engine.storage(), engine.live().blank(), asOf, p -> { }).model(),
                                asOf, Map.of()), false)
             .onSuccess(all -> {
                 Map<String, Object> body = new java.util.LinkedHashMap<>();
                 if (asOf != null) {
                     body.put("asOf", asOf);
                 }
                 body.put("gates", gate == null ? List.copyOf(all.values()) : List.of(all.get(gate)));
                 Json.send(ctx, 200, body);
             })
             .onFailure(ctx::fail);
    }

    /** {@code GET /api/v1/forecast/track-record}: how the node's own early warnings fared over the last 30 and 90 days. */
    public void trackRecord(RoutingContext ctx) {
        Instant now = clock.instant();
        vertx.executeBlocking(() -> engine.live().query(m -> TrackRecord.of(m, now)), false)
             .onSuccess(windows -> Json.send(ctx, 200, Map.of("asOf", now, "windows", windows)))
             .onFailure(ctx::fail);
    }

    /** {@code {"level": 2}}: that level's response plan applied now, against doing nothing. Writes nothing. */
    public void whatIf(RoutingContext ctx) {
        GateConfig gate = engine.gates().find(ctx.pathParam("gate"))
                .orElseThrow(() -> BadRequest.of("gate", "unknown gate"));
        JsonNode body = Json.body(ctx);
        java.util.List<FieldError> errors = new java.util.ArrayList<>(
                FieldError.unknownFields(body, java.util.Set.of("level"), "a what-if"));
        JsonNode level = body.get("level");
        if (level == null || !level.isIntegralNumber() || !level.canConvertToInt() || level.intValue() < 1
                || level.intValue() > gate.levels().levels().size() || !gate.levels().config(level.intValue()).hasPlan()) {
            errors.add(FieldError.of("level", "must be a level of " + gate.id() + " that has a response plan (1–"
                    + gate.levels().levels().size() + ")"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequest(400, errors);
        }
        vertx.executeBlocking(() -> forecast.whatIf(gate, level.intValue()), false)
             .onSuccess(c -> Json.send(ctx, 200, c))
             .onFailure(ctx::fail);
    }
}
