package borderwatch.tradeplan;

import borderwatch.engine.Engine;
import borderwatch.http.Access;
import borderwatch.http.BadRequest;
import borderwatch.http.FieldError;
import borderwatch.http.Json;
import borderwatch.http.VisibleCommands;
import borderwatch.shared.DayOrInstant;
import borderwatch.shared.UsdCents;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** {@code PUT /api/v1/plans/{year}} and {@code GET /api/v1/plans/{year}/progress}. */
public final class PlansRoute {

    private static final Set<String> FIELDS = Set.of("exportUsd", "importUsd", "totalUsd", "localExportUsd", "goodsExportUsd",
            "reason");

    private final Engine engine;
    private final Clock clock;
    private final VisibleCommands commands;

    public PlansRoute(Vertx vertx, Engine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
        this.commands = new VisibleCommands(vertx, engine);
    }

    public static int year(RoutingContext ctx) {
        String raw = ctx.pathParam("year");
        if (raw == null || !raw.matches("\\d{4}")) {
            throw BadRequest.of("year", "must be a four-digit year");
        }
        return Integer.parseInt(raw);
    }

    public void put(RoutingContext ctx) {
        int year = year(ctx);
        JsonNode body = Json.body(ctx);
        if (!body.isObject()) {
            throw BadRequest.of("body", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(FieldError.of(name, "is not a field of a plan"));
            }
        }
        Long export = money(body, "exportUsd", true, errors);
        Long imports = money(body, "importUsd", true, errors);
        Long total = money(body, "totalUsd", false, errors);
        Long local = money(body, "localExportUsd", false, errors);
        Map<String, Long> goods = goodsTargets(body.get("goodsExportUsd"), errors);
        JsonNode reason = body.get("reason");
        if (reason != null && !reason.isNull() && !reason.isTextual()) {
            errors.add(FieldError.of("reason", "must be a string"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequest(400, errors);
        }
        long totalCents = total != null ? total : Math.addExact(export, imports);
        // A revision that leaves out the local-goods or goods-group targets keeps them: a change of the
        // export and import figures must not clear a target set before (send 0 to clear one).
        var current = engine.live().query(m -> TradePlans.of(m).plan(year));
        long localCents = local != null ? local : current.map(PlanFigures::localExportUsdCents).orElse(0L);
        Map<String, Long> goodsCents = body.has("goodsExportUsd") ? goods
                : current.map(PlanFigures::goodsExportUsdCents).orElse(Map.of());
        SetAnnualPlan command = SetAnnualPlan.of(year, export, imports, totalCents,
                reason == null || reason.isNull() ? "" : reason.textValue(), UUID.randomUUID().toString(),
                clock.instant()).withTargets(localCents, goodsCents);
        commands.<PlanOutcome>send(command, Access.principal(ctx))
              .onSuccess(outcome -> {
                  Map<String, Object> out = new LinkedHashMap<>();
                  out.put("year", year);
                  out.put("outcome", outcome);
                  out.put("exportUsd", UsdCents.toUsd(export));
                  out.put("importUsd", UsdCents.toUsd(imports));
                  out.put("totalUsd", UsdCents.toUsd(totalCents));
                  out.put("localExportUsd", UsdCents.toUsd(localCents));
                  Map<String, Object> goodsOut = new LinkedHashMap<>();
                  goodsCents.forEach((group, cents) -> goodsOut.put(group, UsdCents.toUsd(cents)));
                  out.put("goodsExportUsd", goodsOut);
                  Json.send(ctx, 200, out);
              })
              .onFailure(ctx::fail);
    }

    /** {@code {"fruit": 2000000000, …}}: an export target per goods group the province counts by. */
    private Map<String, Long> goodsTargets(JsonNode v, List<FieldError> errors) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            errors.add(FieldError.of("goodsExportUsd", "must be an object of goods group ids to US dollars"));
            return out;
        }
        for (Iterator<String> names = v.fieldNames(); names.hasNext(); ) {
            String group = names.next();
            if (engine.gates().goodsGroup(group).isEmpty()) {
                // Only a well-formed id is echoed back; anything else is named without repeating it.
                errors.add(FieldError.of("goodsExportUsd", group.matches("[a-z0-9-]{1,40}")
                        ? "'" + group + "' is not a goods group of the province" : "has a key that is not a goods group id"));
                continue;
            }
            List<FieldError> own = new ArrayList<>();
            Long cents = money(v, group, true, own);
            own.forEach(e -> errors.add(FieldError.of("goodsExportUsd." + group, e.message())));
            out.put(group, cents);
        }
        return out;
    }

    private static Long money(JsonNode body, String field, boolean required, List<FieldError> errors) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                errors.add(FieldError.of(field, "is required"));
            }
            return required ? 0L : null;
        }
        try {
            BigDecimal amount;
            if (v.isNumber()) {
                amount = v.decimalValue();
            } else if (v.isTextual()) {
                amount = UsdCents.plainDecimal(v.textValue());
            } else {
                errors.add(FieldError.of(field, "must be a number of US dollars"));
                return 0L;
            }
            if (amount.signum() < 0) {
                errors.add(FieldError.of(field, "must not be negative"));
                return 0L;
            }
            return UsdCents.parse(amount);
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field, "must be a number of US dollars"));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(field, e.getMessage()));
        }
        return 0L;
    }

    public void progress(RoutingContext ctx) {
        int year = year(ctx);
        LocalDate asOf = date(ctx.queryParams().get("asOf"), "asOf", LocalDate.now(clock.withZone(engine.gates().zone())));
        Json.send(ctx, 200, engine.live().query(m -> PlanProgress.of(m, year, asOf)));
    }

    public static LocalDate date(String raw, String field, LocalDate fallback) {
        if (raw == null || raw.isBlank()) {
            if (fallback == null) {
                throw BadRequest.of(field, "is required (YYYY-MM-DD)");
            }
            return fallback;
        }
        return DayOrInstant.date(raw, field);
    }
}
