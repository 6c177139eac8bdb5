package borderwatch.tradeplan;

import borderwatch.store.IdentifiedEvent;
import borderwatch.store.StoredAs;
import java.time.Instant;

/** The province's annual trade-turnover plan, in US cents. */
public sealed interface PlanEvent extends IdentifiedEvent {

    int year();

    long exportUsdCents();

    long importUsdCents();

    long totalUsdCents();

    String reason();

    Instant at();

    /** Hands this event to the method of {@code handler} made for its type. */
    <R> R accept(Handler<R> handler);

    /** One method per plan event type and no defaults, so a new type fails the build where it is not handled. */
    interface Handler<R> {

        R annualPlanSet(AnnualPlanSet e);

        R annualPlanRevised(AnnualPlanRevised e);
    }

    @StoredAs("plan.annual-plan-set.v1")
    record AnnualPlanSet(String eventId, int year, long exportUsdCents, long importUsdCents, long totalUsdCents,
                         String reason, Instant at) implements PlanEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.annualPlanSet(this);
        }
    }

    @StoredAs("plan.annual-plan-revised.v1")
    record AnnualPlanRevised(String eventId, int year, long exportUsdCents, long importUsdCents,
                             long totalUsdCents, String reason, Instant at) implements PlanEvent {
        @Override
        public <R> R accept(Handler<R> handler) {
            return handler.annualPlanRevised(this);
        }
    }
}
