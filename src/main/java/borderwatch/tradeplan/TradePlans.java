package borderwatch.tradeplan;

import borderwatch.readmodel.Fold;
import borderwatch.readmodel.ReadModel;
import borderwatch.shared.EventRoutes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The annual trade plan in force for each year. */
public final class TradePlans implements Fold {

    private static final EventRoutes<TradePlans> ROUTES = new EventRoutes<TradePlans>()
            .on(PlanEvent.AnnualPlanSet.class, TradePlans::fold)
            .on(PlanEvent.AnnualPlanRevised.class, TradePlans::fold);

    private final Map<Integer, PlanFigures> plans = new HashMap<>();

    /** The trade-plan fold of {@code model}. */
    public static TradePlans of(ReadModel model) {
        return model.get(TradePlans.class);
    }

    private void fold(PlanEvent e) {
        plans.put(e.year(), PlanFigures.fold(plans.get(e.year()), e));
    }

    public Optional<PlanFigures> plan(int year) {
        return Optional.ofNullable(plans.get(year));
    }

    @Override
    public EventRoutes<?> routes() {
        return ROUTES;
    }

    @Override
    public TradePlans copy() {
        TradePlans c = new TradePlans();
        c.plans.putAll(plans);
        return c;
    }
}
