package borderwatch.tradeplan;

import borderwatch.plugin.CommandParts;
import borderwatch.plugin.Feature;
import borderwatch.plugin.Wiring;
import borderwatch.province.Province;
import borderwatch.readmodel.Fold;
import borderwatch.store.EventTypeRegistry;
import java.util.List;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;

/** The annual trade plan: its events, aggregate, fold and the routes that set it and read its progress. */
public final class TradePlanFeature implements Feature {

    @Override
    public String name() {
        return "tradeplan";
    }

    @Override
    public List<String> apiTags() {
        return List.of("plans");
    }

    @Override
    public void storedTypes(EventTypeRegistry types) {
        types.register(PlanEvent.AnnualPlanSet.class)
             .register(PlanEvent.AnnualPlanRevised.class)
             .upcast(PlanEvent.PLAN_SET_V1, PlanEvent.AnnualPlanSet.class, PlanEvent::withoutTargets)
             .upcast(PlanEvent.PLAN_REVISED_V1, PlanEvent.AnnualPlanRevised.class, PlanEvent::withoutTargets);
    }

    @Override
    public List<Fold> folds(Province province) {
        return List.of(new TradePlans());
    }

    @Override
    public void commandSide(Configurer axon, CommandParts parts) {
        axon.configureAggregate(AggregateConfigurer.defaultConfiguration(TradePlan.class)
                .configureCache(c -> parts.cache("plans")));
    }

    @Override
    public void start(Wiring w) {
        PlansRoute plans = new PlansRoute(w.vertx(), w.node(), w.clock());
        w.router().put("/api/v1/plans/:year").handler(w.body()).handler(w.access().coordinators()).handler(plans::put);
        w.router().get("/api/v1/plans/:year/progress").handler(w.access().viewers()).handler(plans::progress);
    }
}
