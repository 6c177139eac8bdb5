package borderwatch.service;

import borderwatch.board.RecentActivity;
import borderwatch.congestion.Congestion;
import borderwatch.congestion.CongestionLog;
import borderwatch.forecast.QueueTrend;
import borderwatch.forecast.WarningLog;
import borderwatch.readmodel.ReadModel;
import borderwatch.tradeplan.TradePlans;
import borderwatch.traffic.Traffic;
import java.util.List;

/** The folds every read model of the service is made of: live, replayed, as of an instant, in a drill. */
public final class ReadModels {

    public static final ReadModel.Shape ALL = gates -> List.of(new Traffic(gates), new Congestion(),
            new CongestionLog(), new TradePlans(), new RecentActivity(), new WarningLog(),
            new QueueTrend());

    private ReadModels() {
    }
}
