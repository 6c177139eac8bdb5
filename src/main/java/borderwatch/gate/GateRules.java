package borderwatch.gate;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * What the province file says of a gate beyond its levels, for the gate's own decisions: when its hours
 * have it open (null when the file gives none: such a gate is never found stopped), and the expected
 * wait, in minutes, past which it stands at an alert level (null: no such limit).
 */
public record GateRules(Predicate<Instant> open, Integer alertWaitMinutes) {

    public static final GateRules NONE = new GateRules(null, null);
}
