package borderwatch.audit;

import borderwatch.plugin.Feature;
import borderwatch.plugin.Wiring;
import borderwatch.store.EventTypeRegistry;
import java.util.List;

/** Who did what, when, through which token: commands from the stream, token changes from the token store. */
public final class AuditFeature implements Feature {

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public List<String> apiTags() {
        return List.of("audit");
    }

    @Override
    public void start(Wiring w) {
        EventTypeRegistry stored = w.require(EventTypeRegistry.class, "the node");
        w.router().get("/api/v1/audit").handler(w.access().coordinators())
                .handler(new AuditRoute(w.vertx(), w.node(), w.tokens().audit(), w.recordingClock(), stored::nameOf)::get);
    }
}
