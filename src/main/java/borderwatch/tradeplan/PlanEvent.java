package borderwatch.tradeplan;

import borderwatch.shared.Attributed;
import borderwatch.store.IdentifiedEvent;
import borderwatch.store.StoredAs;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/** The province's annual trade-turnover plan, in US cents. */
public sealed interface PlanEvent extends IdentifiedEvent, Attributed {

    int year();

    long exportUsdCents();

    long importUsdCents();

    long totalUsdCents();

    /** The export target for goods produced in the province (hàng địa phương); 0 when the plan sets none. */
    long localExportUsdCents();

    /** Export targets per goods group id; groups without a target are absent. */
    Map<String, Long> goodsExportUsdCents();

    @Override
    String reason();

    /** A plan records its reason, not who set it (the audit log has the token). */
    @Override
    default String by() {
        return null;
    }

    Instant at();

    @StoredAs("plan.annual-plan-set.v2")
    record AnnualPlanSet(String eventId, int year, long exportUsdCents, long importUsdCents, long totalUsdCents,
                         String reason, Instant at, long localExportUsdCents, Map<String, Long> goodsExportUsdCents)
            implements PlanEvent {

        public AnnualPlanSet {
            goodsExportUsdCents = goodsExportUsdCents == null ? Map.of() : Map.copyOf(goodsExportUsdCents);
        }

        public AnnualPlanSet(String eventId, int year, long exportUsdCents, long importUsdCents, long totalUsdCents,
                             String reason, Instant at) {
            this(eventId, year, exportUsdCents, importUsdCents, totalUsdCents, reason, at, 0, Map.of());
        }
    }

    @StoredAs("plan.annual-plan-revised.v2")
    record AnnualPlanRevised(String eventId, int year, long exportUsdCents, long importUsdCents,
                             long totalUsdCents, String reason, Instant at, long localExportUsdCents,
                             Map<String, Long> goodsExportUsdCents) implements PlanEvent {

        public AnnualPlanRevised {
            goodsExportUsdCents = goodsExportUsdCents == null ? Map.of() : Map.copyOf(goodsExportUsdCents);
        }

        public AnnualPlanRevised(String eventId, int year, long exportUsdCents, long importUsdCents,
                                 long totalUsdCents, String reason, Instant at) {
            this(eventId, year, exportUsdCents, importUsdCents, totalUsdCents, reason, at, 0, Map.of());
        }
    }

    /** Stored names of the first versions, read through {@link #withoutTargets}. */
    String PLAN_SET_V1 = "plan.annual-plan-set.v1";
    String PLAN_REVISED_V1 = "plan.annual-plan-revised.v1";

    /** A first-version plan had only export, import and total: no local-goods or goods-group targets. */
    static ObjectNode withoutTargets(ObjectNode v1) {
        v1.put("localExportUsdCents", 0L);
        v1.putObject("goodsExportUsdCents");
        return v1;
    }
}
