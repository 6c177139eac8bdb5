package borderwatch.report;

import borderwatch.plugin.Feature;
import borderwatch.plugin.Wiring;
import borderwatch.province.Province;
import borderwatch.readmodel.Fold;
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
    public List<Fold> folds(Province province) {
        return List.of(new ReportEvidence(province));
    }

    @Override
    public void start(Wiring w) {
        // A mistake in the file's report rules stops the start, with the field named, not the first report.
        ReportRules.of(w.node().gates());
        ReportsRoute reports = new ReportsRoute(w.vertx(), w.node(), w.clock());
        w.router().get("/api/v1/reports/:year").handler(w.access().viewersByLink()).handler(reports::get);
        // Rewording a report's judgement is a coordinator's act, though it changes nothing stored.
        w.router().post("/api/v1/reports/:year").handler(w.body()).handler(w.access().coordinators()).handler(reports::post);
    }
}
