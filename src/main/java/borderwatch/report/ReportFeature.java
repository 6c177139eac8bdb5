package borderwatch.report;

import borderwatch.plugin.Feature;
import borderwatch.plugin.Wiring;
import java.util.List;

/** Period reports in every format, read from the node's history. */
public final class ReportFeature implements Feature {

    @Override
    public String name() {
        return "report";
    }

    @Override
    public List<String> apiTags() {
        return List.of("reports");
    }

    @Override
    public void start(Wiring w) {
        w.router().get("/api/v1/reports/:year").handler(w.access().viewersByLink())
                .handler(new ReportsRoute(w.vertx(), w.node(), w.clock())::get);
    }
}
