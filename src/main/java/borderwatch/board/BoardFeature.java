package borderwatch.board;

import borderwatch.plugin.Feature;
import borderwatch.plugin.LiveTopics;
import borderwatch.plugin.Wiring;
import borderwatch.province.Province;
import borderwatch.readmodel.Fold;
import io.micrometer.core.instrument.Gauge;
import java.util.List;

/**
 * The live board: the gates, the board and totals, the recent activity fold, and the live feed on
 * {@code /ws/live}, which it provides to the features after it as {@link LiveTopics}.
 */
public final class BoardFeature implements Feature {

    @Override
    public String name() {
        return "board";
    }

    @Override
    public List<String> apiTags() {
        return List.of("gates", "board", "live");
    }

    @Override
    public List<Fold> folds(Province province) {
        return List.of(new RecentActivity());
    }

    @Override
    public void start(Wiring w) {
        BoardRoutes board = new BoardRoutes(w.node(), w.clock());
        w.router().get("/api/v1/gates").handler(w.access().viewers()).handler(board::gates);
        w.router().get("/api/v1/board").handler(w.access().viewers()).handler(board::board);
        w.router().get("/api/v1/totals").handler(w.access().viewers()).handler(board::totals);
        LiveFeed live = new LiveFeed(w.vertx(), w.node(), w.clock());
        w.provide(LiveFeed.class, live);
        w.provide(LiveTopics.class, live);
        w.router().get("/ws/live").handler(w.access().viewersByLink()).handler(ctx -> w.sockets().upgrade(ctx, live::attach));
        Gauge.builder("borderwatch.websocket.sessions", live, LiveFeed::clientCount)
             .description("live board viewers connected to this node").register(w.meters());
        // Started once every feature has added its part to the snapshot.
        w.afterStart(live::start);
        w.onStop(live::stop);
    }
}
