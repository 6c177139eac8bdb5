package borderwatch.sim;

import borderwatch.plugin.Feature;
import borderwatch.plugin.LiveTopics;
import borderwatch.plugin.Wiring;
import java.time.Instant;
import java.util.List;

/** The demo's congestion controls and their marks on the board; only a node given its scenarios has them. */
public final class DemoFeature implements Feature {

    /** The {@code demo} message of the live feed: the simulated scenarios in effect. */
    public record DemoMessage(String type, Instant at, List<DemoScenarios.Scenario> scenarios) {

        public DemoMessage(Instant at, List<DemoScenarios.Scenario> scenarios) {
            this("demo", at, scenarios);
        }
    }

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public List<String> apiTags() {
        return List.of("demo");
    }

    @Override
    public void start(Wiring w) {
        w.part(DemoScenarios.class).ifPresent(scenarios -> {
            DemoScenarioRoutes demo = new DemoScenarioRoutes(w.node(), scenarios, w.clock());
            w.router().get("/api/v1/demo/scenarios").handler(w.access().viewers()).handler(demo::list);
            w.router().post("/api/v1/demo/scenarios").handler(w.body()).handler(w.access().coordinators()).handler(demo::start);
            w.router().delete("/api/v1/demo/scenarios/:gate").handler(w.access().coordinators()).handler(demo::end);
            // Marked on the board as simulated, from the snapshot on and whenever one starts or ends.
            LiveTopics live = w.require(LiveTopics.class, "board");
            live.include("demoScenarios", () -> scenarios.active(w.clock().instant()));
            scenarios.onChange(active -> w.vertx().runOnContext(v -> live.announce("demo",
                    new DemoMessage(w.clock().instant(), active))));
        });
    }
}
