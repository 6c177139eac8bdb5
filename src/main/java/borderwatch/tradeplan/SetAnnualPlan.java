package borderwatch.tradeplan;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set or revise the plan of one year; {@code at} is stamped by the caller's clock. */
public record SetAnnualPlan(@TargetAggregateIdentifier String planId, int year, long exportUsdCents,
                            long importUsdCents, long totalUsdCents, String reason, String requestId, Instant at) {

    public static String planIdOf(int year) {
        return "plan-" + year;
    }

    public static SetAnnualPlan of(int year, long exportUsdCents, long importUsdCents, long totalUsdCents,
                                   String reason, String requestId, Instant at) {
        return new SetAnnualPlan(planIdOf(year), year, exportUsdCents, importUsdCents, totalUsdCents, reason,
                requestId, at);
    }
}
