package borderwatch.core;

import borderwatch.apidocs.ApiDocsFeature;
import borderwatch.audit.AuditFeature;
import borderwatch.board.BoardFeature;
import borderwatch.congestion.CongestionFeature;
import borderwatch.drill.DrillFeature;
import borderwatch.forecast.ForecastFeature;
import borderwatch.gate.GateFeature;
import borderwatch.history.HistoryFeature;
import borderwatch.ingest.IngestFeature;
import borderwatch.notify.NotifyFeature;
import borderwatch.plugin.FeatureSet;
import borderwatch.publicboard.PublicBoardFeature;
import borderwatch.report.ReportFeature;
import borderwatch.sim.DemoFeature;
import borderwatch.tradeplan.TradePlanFeature;
import borderwatch.traffic.TrafficFeature;
import java.util.List;

/**
 * Every feature of the node, once. The order is the read model's fold order (a checkpoint is kept in
 * it) and the order features start in: the board provides the live feed that forecast and demo add to.
 */
public final class Features {

    public static final FeatureSet ALL = new FeatureSet(List.of(
            new GateFeature(),
            new IngestFeature(),
            new TrafficFeature(),
            new CongestionFeature(),
            new TradePlanFeature(),
            new BoardFeature(),
            new ForecastFeature(),
            new HistoryFeature(),
            new ReportFeature(),
            new DrillFeature(),
            new AuditFeature(),
            new NotifyFeature(),
            new PublicBoardFeature(),
            new DemoFeature(),
            new ApiDocsFeature()));

    private Features() {
    }
}
