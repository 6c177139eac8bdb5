package borderwatch.notify;

import borderwatch.forecast.WarningEvent;
import borderwatch.gate.GateDecision;
import borderwatch.province.GateConfig;
import borderwatch.province.LevelConfig;
import borderwatch.province.Province;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a receiver is told: the kind, the stored event's id (the same from every node, so a receiver
 * behind two nodes can drop the second copy), the gate and level by id and name, and the figures
 * that caused it.
 */
public record Notification(String kind, String eventId, String gate, Instant at, Map<String, Object> body) {

    public static final String LEVEL_RAISED = "level.raised";
    public static final String LEVEL_CLEARED = "level.cleared";
    public static final String PLAN_ACTIVATED = "plan.activated";
    public static final String PLAN_STOOD_DOWN = "plan.stood-down";
    public static final String WARNING_ISSUED = "warning.issued";
    public static final String WARNING_WITHDRAWN = "warning.withdrawn";
    public static final List<String> KINDS = List.of(LEVEL_RAISED, LEVEL_CLEARED, PLAN_ACTIVATED, PLAN_STOOD_DOWN,
            WARNING_ISSUED, WARNING_WITHDRAWN);

    /** The notification for a stored event, if it is one people outside the console are told of. */
    public static Optional<Notification> of(Object event, Province province) {
        if (event instanceof GateDecision.LevelRaised e) {
            return Optional.of(build(LEVEL_RAISED, e.eventId(), e.gate(), e.at(), province, Map.of(
                    "from", level(province, e.gate(), e.from()), "to", level(province, e.gate(), e.to()),
                    "cause", e.cause(), "waiting", e.waiting()), e.yardOccupancy()));
        }
        if (event instanceof GateDecision.LevelCleared e) {
            return Optional.of(build(LEVEL_CLEARED, e.eventId(), e.gate(), e.at(), province, Map.of(
                    "from", level(province, e.gate(), e.from()), "to", level(province, e.gate(), e.to()),
                    "waiting", e.waiting()), e.yardOccupancy()));
        }
        if (event instanceof GateDecision.ResponsePlanActivated e) {
            return Optional.of(build(PLAN_ACTIVATED, e.eventId(), e.gate(), e.at(), province, Map.of(
                    "level", level(province, e.gate(), e.level()), "by", e.by(), "reason", text(e.reason())), null));
        }
        if (event instanceof GateDecision.ResponsePlanStoodDown e) {
            return Optional.of(build(PLAN_STOOD_DOWN, e.eventId(), e.gate(), e.at(), province, Map.of(
                    "level", level(province, e.gate(), e.level()), "by", e.by(), "reason", text(e.reason())), null));
        }
        if (event instanceof WarningEvent.WarningIssued e) {
            return Optional.of(build(WARNING_ISSUED, e.eventId(), e.gate(), e.at(), province, Map.of(
                    "level", level(province, e.gate(), e.level()), "expectedAt", e.expectedAt().toString()), null));
        }
        if (event instanceof WarningEvent.WarningWithdrawn e) {
            return Optional.of(build(WARNING_WITHDRAWN, e.eventId(), e.gate(), e.at(), province, Map.of(
                    "level", level(province, e.gate(), e.level()), "reason", text(e.reason())), null));
        }
        return Optional.empty();
    }

    private static Notification build(String kind, String eventId, String gate, Instant at, Province province,
                                      Map<String, Object> details, Double yardOccupancy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("eventId", eventId);
        body.put("at", at.toString());
        GateConfig g = province.find(gate).orElse(null);
        body.put("gate", g == null ? Map.of("id", gate)
                : Map.of("id", gate, "nameVi", g.nameVi(), "nameEn", g.nameEn()));
        body.putAll(details);
        if (yardOccupancy != null) {
            body.put("yardOccupancy", yardOccupancy);
        }
        body.put("province", province.provinceId());
        return new Notification(kind, eventId, gate, at, body);
    }

    private static Map<String, Object> level(Province province, String gate, int level) {
        if (level <= 0) {
            return Map.of("level", 0, "id", "normal", "nameVi", "Bình thường", "nameEn", "Normal");
        }
        LevelConfig c = province.find(gate).filter(g -> level <= g.levels().levels().size())
                .map(g -> g.levels().config(level)).orElse(null);
        return c == null ? Map.of("level", level)
                : Map.of("level", level, "id", c.id(), "nameVi", c.nameVi(), "nameEn", c.nameEn());
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
