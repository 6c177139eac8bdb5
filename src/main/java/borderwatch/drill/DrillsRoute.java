package borderwatch.drill;

import borderwatch.board.LiveFeed;
import borderwatch.congestion.ResponsePlansRoute;
import borderwatch.http.BadRequest;
import borderwatch.http.FieldError;
import borderwatch.http.Json;
import borderwatch.http.Sockets;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scenario drills: start, list, read, stop, act on a drill's response plans, and watch a drill's
 * sandbox board on its own WebSocket, in the live feed's protocol but on the drill's clock.
 */
final class DrillsRoute {

    private final Vertx vertx;
    private final Sockets sockets;
    private final Drills drills;
    private final Map<String, LiveFeed> feeds = new ConcurrentHashMap<>();
    private final ResponsePlansRoute responsePlans;

    public DrillsRoute(Vertx vertx, Drills drills, Sockets sockets) {
        this.vertx = vertx;
        this.sockets = sockets;
        this.drills = drills;
        this.responsePlans = new ResponsePlansRoute(vertx, ctx -> {
            Drill drill = drill(ctx);
            if (!drill.running()) {
                throw new borderwatch.shared.Conflict("drill", "drill " + drill.id() + " has " + drill.state().name()
                        .toLowerCase() + "; its plans can no longer change");
            }
            return new ResponsePlansRoute.Target(drill.sandbox(), drill.clock());
        });
        drills.onForgotten(d -> {
            LiveFeed feed = feeds.remove(d.id());
            if (feed != null) {
                vertx.runOnContext(v -> feed.stop());
            }
        });
    }

    private Drill drill(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        return drills.find(id).orElseThrow(() -> new BadRequest(404, List.of(FieldError.of("id",
                "no drill '" + id + "' on this node"))));
    }

    public void start(RoutingContext ctx) {
        DrillParameters parameters = new DrillRequest(drills.gates(), drills.clock()).parse(Json.body(ctx));
        // Opening the sandbox stores touches the disk: off the event loop.
        vertx.executeBlocking(() -> drills.start(parameters), false)
             .onSuccess(drill -> {
                 LiveFeed feed = new LiveFeed(vertx, drill.sandbox(), drill.clock());
                 feed.start();
                 feeds.put(drill.id(), feed);
                 ctx.response().putHeader("Location", "/api/v1/drills/" + drill.id());
                 Json.send(ctx, 201, drill.describe());
             })
             .onFailure(ctx::fail);
    }

    public void list(RoutingContext ctx) {
        Json.send(ctx, 200, Map.of("drills", drills.all().stream().map(Drill::describe).toList()));
    }

    public void get(RoutingContext ctx) {
        Json.send(ctx, 200, drill(ctx).describe());
    }

    public void stop(RoutingContext ctx) {
        Drill drill = drill(ctx);
        drill.stop();
        Json.send(ctx, 202, Map.of("id", drill.id(), "state", "stopping"));
    }

    public void activate(RoutingContext ctx) {
        responsePlans.activate(ctx);
    }

    public void deactivate(RoutingContext ctx) {
        responsePlans.deactivate(ctx);
    }

    public void watch(RoutingContext ctx) {
        Drill drill = drill(ctx);
        LiveFeed feed = feeds.get(drill.id());
        if (feed == null) {
            throw new BadRequest(404, List.of(FieldError.of("id", "drill '" + drill.id() + "' has no board here")));
        }
        sockets.upgrade(ctx, feed::attach);
    }

    public void stopFeeds() {
        feeds.values().forEach(LiveFeed::stop);
        feeds.clear();
    }
}
