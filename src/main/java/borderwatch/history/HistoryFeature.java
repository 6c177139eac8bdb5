package borderwatch.history;

import borderwatch.http.BoundedBody;
import borderwatch.plugin.Feature;
import borderwatch.plugin.Wiring;
import java.util.List;

/** Imports of daily totals, and each viewer's replay of a past period on its own socket. */
public final class HistoryFeature implements Feature {

    @Override
    public String name() {
        return "history";
    }

    @Override
    public List<String> apiTags() {
        return List.of("history");
    }

    @Override
    public void start(Wiring w) {
        ImportsRoute imports = new ImportsRoute(w.vertx(), w.node(), w.clock());
        w.router().post("/api/v1/imports")
                .handler(BoundedBody.upTo(ImportsRoute.BODY_LIMIT_BYTES))
                .handler(w.access().coordinators()).handler(imports::handle);
        ReplaySlots slots = new ReplaySlots(w.limits().replaysPerToken(), w.limits().replaysPerNode());
        w.router().get("/ws/history").handler(w.access().viewersByLink())
                .handler(new HistoryFeedRoute(w.vertx(), w.node(), w.clock(), w.sockets(), slots)::watch);
    }
}
