package borderwatch.congestion;

import borderwatch.plugin.Feature;
import borderwatch.plugin.Wiring;
import borderwatch.province.Province;
import borderwatch.readmodel.Fold;
import java.util.List;

/** Queues, levels and response plans: their folds, the coordinators' plan routes and the congestion meters. */
public final class CongestionFeature implements Feature {

    @Override
    public String name() {
        return "congestion";
    }

    @Override
    public List<String> apiTags() {
        return List.of("response-plans");
    }

    @Override
    public List<Fold> folds(Province province) {
        return List.of(new Congestion(), new CongestionLog());
    }

    @Override
    public void start(Wiring w) {
        ResponsePlansRoute plans = new ResponsePlansRoute(w.vertx(),
                ctx -> new ResponsePlansRoute.Target(w.node(), w.clock()));
        w.router().post("/api/v1/gates/:gate/plans/activate").handler(w.body()).handler(w.access().coordinators())
                .handler(plans::activate);
        w.router().post("/api/v1/gates/:gate/plans/deactivate").handler(w.body()).handler(w.access().coordinators())
                .handler(plans::deactivate);
        CongestionMeters.bind(w.meters(), w.node(), w.clock(), w::onStop);
    }
}
