package borderwatch.ingest;

import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.gate.ReportLimits;
import borderwatch.http.BadRequest;
import borderwatch.http.FieldError;
import borderwatch.province.Direction;
import borderwatch.province.GoodsCheck;
import borderwatch.province.Province;
import borderwatch.shared.UsdCents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code {"events":[…]}} strictly. Every item is checked and every problem reported with its
 * index and field; one bad item refuses the whole batch, so a rejected batch stores nothing.
 */
public final class EventBatchParser {

    public static final int MAX_EVENTS = 5_000;
    public static final int MAX_ID_LENGTH = 128;
    private static final ReportLimits LIMITS = ReportLimits.LIVE;
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    public static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "VehiclesCleared", Set.of("id", "type", "gate", "at", "direction", "vehicles", "goods", "localOrigin"),
            "TurnoverRecorded", Set.of("id", "type", "gate", "at", "direction", "usd", "goods", "localOrigin"),
            "QueueObserved", Set.of("id", "type", "gate", "at", "waiting", "yardOccupancy"));

    private final Province gates;
    private final Clock clock;

    public EventBatchParser(Province gates, Clock clock) {
        this.gates = gates;
        this.clock = clock;
    }

    public List<GateReport> parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw BadRequest.of("body", "must be a JSON object like {\"events\":[…]}");
        }
        JsonNode items = body.get("events");
        if (items == null || !items.isArray()) {
            throw BadRequest.of("events", "must be an array of events");
        }
        if (items.isEmpty()) {
            throw BadRequest.of("events", "must contain at least one event");
        }
        if (items.size() > MAX_EVENTS) {
            throw new BadRequest(413, List.of(FieldError.of("events", "at most " + MAX_EVENTS + " events per batch")));
        }
        Instant latest = clock.instant().plus(FUTURE_TOLERANCE);
        List<GateReport> events = new ArrayList<>(items.size());
        List<FieldError> errors = new ArrayList<>();
        // A batch is {"events": […]} and nothing else: a misspelt or unknown field beside it is refused,
        // as it is inside an event, rather than silently ignored.
        errors.addAll(FieldError.unknownFields(body, Set.of("events"), "a batch"));
        java.util.Map<String, Integer> firstIndexOfId = new java.util.HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = new Item(i, items.get(i), errors);
            GateReport e = item.parse(latest);
            if (e != null) {
                // A repeat across batches is a harmless re-send; within one batch it is a sender's bug.
                Integer first = firstIndexOfId.putIfAbsent(e.eventId(), i);
                if (first != null) {
                    errors.add(new FieldError(i, "id", "repeats the id of event " + first + " in this batch"));
                } else {
                    events.add(e);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new BadRequest(400, errors);
        }
        return events;
    }

    /** One batch item; collects its own errors and yields null when it has any. */
    private final class Item {
        private final int index;
        private final JsonNode node;
        private final List<FieldError> errors;
        private boolean bad;

        Item(int index, JsonNode node, List<FieldError> errors) {
            this.index = index;
            this.node = node;
            this.errors = errors;
        }

        private void error(String field, String message) {
            errors.add(new FieldError(index, field, message));
            bad = true;
        }

        GateReport parse(Instant latest) {
            if (!node.isObject()) {
                error("event", "must be a JSON object");
                return null;
            }
            String type = text("type", 40);
            Set<String> allowed = type == null ? null : FIELDS.get(type);
            if (type != null && allowed == null) {
                error("type", "unknown type '" + type + "'; expected VehiclesCleared, TurnoverRecorded or QueueObserved");
            }
            if (allowed != null) {
                for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!allowed.contains(name)) {
                        error(name, "is not a field of " + type);
                    }
                }
            }
            String id = text("id", MAX_ID_LENGTH);
            String gate = text("gate", 40);
            if (gate != null && gates.find(gate).isEmpty()) {
                error("gate", "unknown gate '" + gate + "'");
            }
            Instant at = instant(latest);
            if (allowed == null) {
                return null;
            }
            GateReport event = switch (type) {
                case "VehiclesCleared" -> {
                    Direction d = direction();
                    int vehicles = integer("vehicles", 1, LIMITS.maxVehicles(), true);
                    yield new VehiclesCleared(id, gate, d, vehicles, at, goods(gate, d), localOrigin(d));
                }
                case "TurnoverRecorded" -> {
                    Direction d = direction();
                    long usd = usd();
                    yield new TurnoverRecorded(id, gate, d, usd, at, goods(gate, d), localOrigin(d));
                }
                default -> new QueueObserved(id, gate, integer("waiting", 0, LIMITS.maxWaiting(), true), occupancy(), at);
            };
            return bad ? null : event;
        }

        private String text(String field, int maxLength) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                error(field, "is required");
                return null;
            }
            if (!v.isTextual()) {
                error(field, "must be a string");
                return null;
            }
            String s = v.textValue();
            if (s.isBlank()) {
                error(field, "must not be empty");
                return null;
            }
            String why = borderwatch.shared.PersonText.problem(s, maxLength);
            if (why != null) {
                error(field, why);
                return null;
            }
            return s;
        }

        /** The goods group, when named: one the province counts by and, for an export, one the gate may export. */
        private String goods(String gate, Direction direction) {
            JsonNode v = node.get("goods");
            if (v == null || v.isNull()) {
                return null;
            }
            String group = text("goods", 40);
            if (group == null) {
                return null;
            }
            String refusal = GoodsCheck.refusal(gates, gate, direction, group);
            if (refusal != null) {
                error("goods", refusal);
                return null;
            }
            return group;
        }

        private boolean localOrigin(Direction direction) {
            JsonNode v = node.get("localOrigin");
            if (v == null || v.isNull()) {
                return false;
            }
            if (!v.isBoolean()) {
                error("localOrigin", "must be true or false");
                return false;
            }
            if (v.booleanValue() && direction == Direction.IMPORT) {
                error("localOrigin", "applies to exports only: goods produced in the province");
                return false;
            }
            return v.booleanValue();
        }

        private Instant instant(Instant latest) {
            String s = text("at", 40);
            if (s == null) {
                return null;
            }
            Instant at;
            try {
                at = OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                error("at", "must be an ISO-8601 time with an offset, e.g. 2025-05-14T08:15:00+07:00");
                return null;
            }
            if (at.isAfter(latest)) {
                error("at", "is more than 5 minutes in the future");
            } else if (at.isBefore(EARLIEST)) {
                error("at", "is before 1990");
            }
            return at;
        }

        private Direction direction() {
            String s = text("direction", 10);
            if (s == null) {
                return null;
            }
            try {
                return Direction.valueOf(s);
            } catch (IllegalArgumentException e) {
                error("direction", "must be EXPORT or IMPORT");
                return null;
            }
        }

        private int integer(String field, int min, int max, boolean required) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    error(field, "is required");
                }
                return 0;
            }
            if (!v.isIntegralNumber()) {
                error(field, "must be a whole number");
                return 0;
            }
            if (!v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
                error(field, min == 1 ? "must be a positive count of at most " + max
                                      : "must be between " + min + " and " + max);
                return 0;
            }
            return v.intValue();
        }

        private long usd() {
            JsonNode v = node.get("usd");
            if (v == null || v.isNull()) {
                error("usd", "is required");
                return 0;
            }
            long cents;
            try {
                if (v.isTextual()) {
                    cents = UsdCents.parse(v.textValue());
                } else if (v.isNumber()) {
                    // decimalValue keeps the literal's digits; floating point never touches money.
                    cents = UsdCents.parse(v.decimalValue());
                } else {
                    error("usd", "must be a number or a decimal string");
                    return 0;
                }
            } catch (IllegalArgumentException | ArithmeticException e) {
                error("usd", e.getMessage());
                return 0;
            }
            if (cents < 0 || cents > LIMITS.maxUsdCents()) {
                error("usd", "must be between 0 and " + LIMITS.maxUsdCents() / 100);
                return 0;
            }
            return cents;
        }

        private Double occupancy() {
            JsonNode v = node.get("yardOccupancy");
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                error("yardOccupancy", "must be a number between 0 and 1");
                return null;
            }
            double d = v.doubleValue();
            if (d < 0 || d > 1) {
                error("yardOccupancy", "must be a number between 0 and 1");
                return null;
            }
            return d;
        }
    }
}
