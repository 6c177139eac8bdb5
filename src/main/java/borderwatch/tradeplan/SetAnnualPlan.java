package borderwatch.tradeplan;

import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set or revise the plan of one year; {@code at} is stamped by the caller's clock. */
public record SetAnnualPlan(@TargetAggregateIdentifier String planId, int year, long exportUsdCents,
                            long importUsdCents, long totalUsdCents, String reason, String requestId, Instant at,
                            long localExportUsdCents, Map<String, Long> goodsExportUsdCents) {

    public SetAnnualPlan {
        goodsExportUsdCents = goodsExportUsdCents == null ? Map.of() : Map.copyOf(goodsExportUsdCents);
    }

    public static String planIdOf(int year) {
        return "plan-" + year;
    }

    public static SetAnnualPlan of(int year, long exportUsdCents, long importUsdCents, long totalUsdCents,
                                   String reason, String requestId, Instant at) {
        return new SetAnnualPlan(planIdOf(year), year, exportUsdCents, importUsdCents, totalUsdCents, reason,
                requestId, at, 0, Map.of());
    }

    /** A plan with a local-goods export target and export targets per goods group. */
    public SetAnnualPlan withTargets(long localExport, Map<String, Long> goodsExport) {
        return new SetAnnualPlan(planId, year, exportUsdCents, importUsdCents, totalUsdCents, reason, requestId, at,
                localExport, goodsExport);
    }
}
