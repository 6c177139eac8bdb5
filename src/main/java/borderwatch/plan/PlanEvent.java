package borderwatch.plan;

import borderwatch.store.IdentifiedEvent;
import java.time.Instant;

/** The province's annual trade-turnover plan, in US cents. */
public sealed interface PlanEvent extends IdentifiedEvent {

    int year();

    long exportUsdCents();

    long importUsdCents();

    long totalUsdCents();

    String reason();

    Instant at();

    record AnnualPlanSet(String eventId, int year, long exportUsdCents, long importUsdCents, long totalUsdCents,
                         String reason, Instant at) implements PlanEvent {
    }

    record AnnualPlanRevised(String eventId, int year, long exportUsdCents, long importUsdCents,
                             long totalUsdCents, String reason, Instant at) implements PlanEvent {
    }
}
