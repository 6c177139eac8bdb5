package borderwatch.congestion;

import java.time.Instant;

/** A response plan in effect at a gate: which level's, put in effect by whom, why and since when. */
public record ActiveResponsePlan(int level, String by, String reason, Instant since) {
}
