package borderwatch.drill;

import borderwatch.plugin.Feature;
import borderwatch.plugin.Wiring;
import java.util.List;

/** Scenario drills on sandbox nodes, their routes and their boards' sockets. */
public final class DrillFeature implements Feature {

    @Override
    public String name() {
        return "drill";
    }

    @Override
    public List<String> apiTags() {
        return List.of("drills", "drill");
    }

    @Override
    public void start(Wiring w) {
        DrillsRoute drills = new DrillsRoute(w.vertx(), w.require(Drills.class, "the service"), w.sockets());
        w.router().post("/api/v1/drills").handler(w.body()).handler(w.access().coordinators()).handler(drills::start);
        w.router().get("/api/v1/drills").handler(w.access().viewers()).handler(drills::list);
        w.router().get("/api/v1/drills/:id").handler(w.access().viewers()).handler(drills::get);
        w.router().post("/api/v1/drills/:id/stop").handler(w.body()).handler(w.access().coordinators()).handler(drills::stop);
        w.router().post("/api/v1/drills/:id/gates/:gate/plans/activate").handler(w.body())
                .handler(w.access().coordinators()).handler(drills::activate);
        w.router().post("/api/v1/drills/:id/gates/:gate/plans/deactivate").handler(w.body())
                .handler(w.access().coordinators()).handler(drills::deactivate);
        w.router().get("/ws/drills/:id").handler(w.access().viewersByLink()).handler(drills::watch);
        w.onStop(drills::stopFeeds);
    }
}
