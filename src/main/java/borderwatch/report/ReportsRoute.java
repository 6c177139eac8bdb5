package borderwatch.report;

import borderwatch.engine.Engine;
import borderwatch.http.Json;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Set;

/** {@code GET /api/v1/reports/{year}?period=…&asOf=…&lang=vi|en&format=json|csv|html|docx|xlsx|pdf}. */
final class ReportsRoute {

    private final Vertx vertx;
    private final Engine engine;
    private final Clock clock;

    public ReportsRoute(Vertx vertx, Engine engine, Clock clock) {
        this.vertx = vertx;
        this.engine = engine;
        this.clock = clock;
    }

    public void get(RoutingContext ctx) {
        ReportRequest request = request(ctx);
        boolean current = ctx.queryParams().get("asOf") == null;
        vertx.executeBlocking(() -> Reports.render(current ? Reports.current(engine.live(), request)
                        : Reports.build(engine.storage(), engine.live().blank(), request, p -> { }),
                        request, engine.gates(), Json.mapper()), false)
             .onSuccess(r -> ctx.response().putHeader("content-type", r.contentType())
                     // Documents are saved; pages and data are shown where they are opened.
                     .putHeader("content-disposition", (Set.of("html", "json").contains(request.format()) ? "inline"
                             : "attachment") + "; filename=\"" + r.fileName() + "\"")
                     .end(Buffer.buffer(r.body())))
             .onFailure(ctx::fail);
    }

    private ReportRequest request(RoutingContext ctx) {
        int year = ReportRequest.year(ctx.pathParam("year"), clock.instant(), engine.gates().zone());
        return ReportRequest.of(year, ctx.queryParams().get("period"), ctx.queryParams().get("asOf"), clock.instant(),
                engine.gates().zone(), ctx.queryParams().get("lang"), ctx.queryParams().get("format"));
    }
}
