package borderwatch.drill;

import borderwatch.http.BadRequest;
import borderwatch.http.FieldError;
import borderwatch.province.GateConfig;
import borderwatch.province.LevelConfig;
import borderwatch.province.Province;
import borderwatch.shared.DayOrInstant;
import borderwatch.shared.Rejection;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code POST /api/v1/drills}: a preset or custom scenario, validated field by field. Every
 * problem is reported at once; nothing starts unless all of it is right.
 */
public final class DrillRequest {

    public static final Set<String> FIELDS = Set.of("scenario", "gates", "exportSurgePercent", "importSurgePercent",
            "capacityPercent", "hours", "days", "secondsPerDay", "start", "plan");
    public static final double DEFAULT_SECONDS_PER_DAY = 60;
    /** A drill rehearses from the start of a working day unless told otherwise. */
    public static final LocalTime DEFAULT_START = LocalTime.of(6, 0);

    private final Province gates;
    private final Clock clock;
    private final List<FieldError> errors = new ArrayList<>();

    public DrillRequest(Province gates, Clock clock) {
        this.gates = gates;
        this.clock = clock;
    }

    public DrillParameters parse(JsonNode body) {
        if (!body.isObject()) {
            throw BadRequest.of("body", "must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(FieldError.of(name, "is not a drill parameter"));
            }
        }
        Scenario scenario = scenario(body.get("scenario"));
        List<String> chosen = gateList(body.get("gates"), scenario);
        if (body.hasNonNull("gates")) {
            checkHarvestGates(scenario, chosen);
        }
        int hours = integer(body, "hours", scenario == null ? 0 : scenario.closedHours(), 0, 72);
        int exportSurge = integer(body, "exportSurgePercent", scenario == null ? 0 : scenario.exportSurgePercent(), 0, 500);
        int importSurge = integer(body, "importSurgePercent", scenario == null ? 0 : scenario.importSurgePercent(), 0, 500);
        int capacity = integer(body, "capacityPercent", 100, 0, 300);
        int days = integer(body, "days", scenario == null ? 1 : scenario.defaultDays(hours), 1, 14);
        double secondsPerDay = decimal(body, "secondsPerDay", DEFAULT_SECONDS_PER_DAY, 1, 3600);
        Instant start = start(body.get("start"));
        DrillParameters.AutoPlan plan = plan(body.get("plan"));
        if (hours > days * 24) {
            errors.add(FieldError.of("hours", "the closure must fit in the drill's " + days + " day(s)"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequest(400, errors);
        }
        return new DrillParameters(scenario, chosen, exportSurge, importSurge, capacity, hours, days, secondsPerDay,
                start, plan);
    }

    private Scenario scenario(JsonNode v) {
        if (v == null || !v.isTextual()) {
            errors.add(FieldError.of("scenario", "is required: harvest-peak, gate-closure, holiday-surge or custom"));
            return null;
        }
        return Scenario.of(v.textValue()).orElseGet(() -> {
            errors.add(FieldError.of("scenario", "unknown scenario '" + v.textValue()
                    + "'; use harvest-peak, gate-closure, holiday-surge or custom"));
            return null;
        });
    }

    private List<String> gateList(JsonNode v, Scenario scenario) {
        if (v == null || v.isNull()) {
            if (scenario != null && scenario.needsGates()) {
                errors.add(FieldError.of("gates", "is required: the gates the scenario happens at"));
            }
            return gates.all().stream().map(GateConfig::id).toList();
        }
        if (!v.isArray() || v.isEmpty()) {
            errors.add(FieldError.of("gates", "must be a non-empty array of gate ids"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode g : v) {
            if (!g.isTextual() || gates.find(g.textValue()).isEmpty()) {
                errors.add(FieldError.of("gates", "unknown gate " + g));
            } else if (out.contains(g.textValue())) {
                errors.add(FieldError.of("gates", "gate '" + g.textValue() + "' is named twice"));
            } else {
                out.add(g.textValue());
            }
        }
        return out;
    }

    private int integer(JsonNode body, String field, int fallback, int min, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            errors.add(FieldError.of(field, "must be a whole number from " + min + " to " + max));
            return fallback;
        }
        return v.intValue();
    }

    private double decimal(JsonNode body, String field, double fallback, double min, double max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber() || !(v.doubleValue() >= min && v.doubleValue() <= max)) {
            errors.add(FieldError.of(field, "must be a number from " + (int) min + " to " + (int) max));
            return fallback;
        }
        return v.doubleValue();
    }

    private Instant start(JsonNode v) {
        if (v == null || v.isNull()) {
            return clock.instant().atZone(gates.zone()).toLocalDate().atTime(DEFAULT_START).atZone(gates.zone()).toInstant();
        }
        if (!v.isTextual() || DayOrInstant.isDate(v.textValue())) {
            errors.add(FieldError.of("start", "must be an ISO-8601 instant such as 2026-07-01T00:00:00Z"));
            return Instant.EPOCH;
        }
        try {
            return DayOrInstant.parse(v.textValue(), gates.zone(), "start", false);
        } catch (Rejection e) {
            errors.add(FieldError.of("start", e.reason()));
            return Instant.EPOCH;
        }
    }

    private DrillParameters.AutoPlan plan(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        JsonNode gate = v.get("gate");
        JsonNode level = v.get("level");
        JsonNode divertTo = v.get("divertTo");
        boolean known = true;
        for (Iterator<String> names = v.fieldNames(); names.hasNext(); ) {
            known &= Set.of("gate", "level", "divertTo").contains(names.next());
        }
        if (!v.isObject() || !known || gate == null || !gate.isTextual() || level == null || !level.isIntegralNumber()
                || !level.canConvertToInt() || (divertTo != null && !divertTo.isNull() && !divertTo.isTextual())) {
            errors.add(FieldError.of("plan", "must be {\"gate\": <gate id>, \"level\": <level number>"
                    + "[, \"divertTo\": <gate id>]}"));
            return null;
        }
        GateConfig g = gates.find(gate.textValue()).orElse(null);
        if (g == null) {
            errors.add(FieldError.of("plan.gate", "unknown gate '" + gate.textValue() + "'"));
            return null;
        }
        List<LevelConfig> levels = g.levels().levels();
        int n = level.intValue();
        if (n < 1 || n > levels.size() || !levels.get(n - 1).hasPlan()) {
            errors.add(FieldError.of("plan.level", g.id() + " has no response plan for level " + level));
            return null;
        }
        String to = divertTo == null || divertTo.isNull() ? null : divertTo.textValue();
        if (to != null && !divertsTo(g, levels.get(n - 1), to)) {
            return null;
        }
        return new DrillParameters.AutoPlan(g.id(), n, to);
    }

    /** A plan can be sent elsewhere only if it diverts at all, to another gate that accepts all it diverts. */
    private boolean divertsTo(GateConfig from, LevelConfig level, String to) {
        GateConfig target = gates.find(to).orElse(null);
        if (target == null || target.id().equals(from.id())) {
            errors.add(FieldError.of("plan.divertTo", "must be another gate of the province"));
            return false;
        }
        if (level.effects().divertExportPercent() == 0) {
            errors.add(FieldError.of("plan.divertTo", from.id() + "'s plan for level " + level.level() + " diverts no exports"));
            return false;
        }
        String refused = Province.refusedByDiversion(from, target);
        if (refused != null) {
            errors.add(FieldError.of("plan.divertTo", to + " may not export '" + refused + "', which " + from.id()
                    + " exports; a plan can only divert goods to a gate that accepts them"));
            return false;
        }
        return true;
    }

    /** A harvest peak is a surge of the watched goods (fruit), so it happens only where those may leave. */
    private void checkHarvestGates(Scenario scenario, List<String> chosen) {
        String watched = gates.watchedGoods();
        if (scenario != Scenario.HARVEST_PEAK || watched == null) {
            return;
        }
        for (String id : chosen) {
            if (!gates.get(id).mayExport(watched)) {
                errors.add(FieldError.of("gates", id + " may not export '" + watched + "'; a harvest peak happens at "
                        + "gates that may"));
            }
        }
    }
}
