package borderwatch.web;

import borderwatch.core.Core;
import borderwatch.report.ReportRequest;
import borderwatch.report.Reports;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;

/** {@code GET /api/v1/reports/{year}?asOf=…&lang=vi|en&format=json|csv|html}. */
final class ReportsRoute {

    private final Vertx vertx;
    private final Core core;
    private final Clock clock;

    ReportsRoute(Vertx vertx, Core core, Clock clock) {
        this.vertx = vertx;
        this.core = core;
        this.clock = clock;
    }

    void get(RoutingContext ctx) {
        ReportRequest request = request(ctx);
        vertx.executeBlocking(() -> Reports.render(Reports.build(core.storage(), core.gates(), request, p -> { }),
                        request, core.gates(), Json.mapper()), false)
             .onSuccess(r -> ctx.response().putHeader("content-type", r.contentType())
                     .putHeader("content-disposition", "inline; filename=\"report-" + request.year() + "-"
                             + request.lang() + "." + request.format() + "\"")
                     .end(r.body()))
             .onFailure(ctx::fail);
    }

    private ReportRequest request(RoutingContext ctx) {
        int year = ReportRequest.year(ctx.pathParam("year"), clock.instant(), core.gates().zone());
        String asOf = ctx.queryParams().get("asOf");
        Instant at = asOf == null ? clock.instant() : ReportRequest.parseAsOf(asOf, core.gates().zone());
        return new ReportRequest(year, at,
                ReportRequest.choice(ctx.queryParams().get("lang"), ReportRequest.LANGS, "vi", "lang"),
                ReportRequest.choice(ctx.queryParams().get("format"), ReportRequest.FORMATS, "json", "format"));
    }
}
