package borderwatch.gate;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stand down the response plan in effect at a gate. */
public record StandDownResponsePlan(@TargetAggregateIdentifier String gate, String by, String reason,
                                    String requestId, Instant at) {
}
