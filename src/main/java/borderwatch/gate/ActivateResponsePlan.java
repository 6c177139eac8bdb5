package borderwatch.gate;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put the response plan of {@code level} into effect at a gate; {@code at} is stamped by the caller's clock. */
public record ActivateResponsePlan(@TargetAggregateIdentifier String gate, int level, String by, String reason,
                                   String requestId, Instant at) {
}
