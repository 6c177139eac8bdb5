package borderwatch.tradeplan;

import borderwatch.shared.Attributed;
import borderwatch.store.IdentifiedEvent;
import borderwatch.store.StoredAs;
import java.time.Instant;

/** The province's annual trade-turnover plan, in US cents. */
public sealed interface PlanEvent extends IdentifiedEvent, Attributed {

    int year();

    long exportUsdCents();

    long importUsdCents();

    long totalUsdCents();

    @Override
    String reason();

    /** A plan records its reason, not who set it (the audit log has the token). */
    @Override
    default String by() {
        return null;
    }

    Instant at();

    @StoredAs("plan.annual-plan-set.v1")
    record AnnualPlanSet(String eventId, int year, long exportUsdCents, long importUsdCents, long totalUsdCents,
                         String reason, Instant at) implements PlanEvent {
    }

    @StoredAs("plan.annual-plan-revised.v1")
    record AnnualPlanRevised(String eventId, int year, long exportUsdCents, long importUsdCents,
                             long totalUsdCents, String reason, Instant at) implements PlanEvent {
    }
}
