package borderwatch.ingest;

import borderwatch.plugin.Feature;
import borderwatch.plugin.Wiring;
import java.util.List;

/** Batches of gate reports from the gates' systems. */
public final class IngestFeature implements Feature {

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public List<String> apiTags() {
        return List.of("ingest");
    }

    @Override
    public void start(Wiring w) {
        EventsRoute events = new EventsRoute(w.vertx(), w.node(), w.clock(), w.limits().batchesInFlight());
        w.router().post("/api/v1/events").handler(w.body()).handler(w.access().reporters()).handler(events::handle);
    }
}
