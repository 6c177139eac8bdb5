package borderwatch.report;

import borderwatch.engine.Engine;
import borderwatch.http.Json;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;

/** {@code GET /api/v1/reports/{year}?asOf=…&lang=vi|en&format=json|csv|html}. */
public final class ReportsRoute {

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
                     .putHeader("content-disposition", "inline; filename=\"report-" + request.year() + "-"
                             + request.lang() + "." + request.format() + "\"")
                     .end(r.body()))
             .onFailure(ctx::fail);
    }

    private ReportRequest request(RoutingContext ctx) {
        int year = ReportRequest.year(ctx.pathParam("year"), clock.instant(), engine.gates().zone());
        String asOf = ctx.queryParams().get("asOf");
        Instant at = asOf == null ? clock.instant() : ReportRequest.parseAsOf(asOf, engine.gates().zone());
        return new ReportRequest(year, at,
                ReportRequest.choice(ctx.queryParams().get("lang"), ReportRequest.LANGS, "vi", "lang"),
                ReportRequest.choice(ctx.queryParams().get("format"), ReportRequest.FORMATS, "json", "format"));
    }
}
