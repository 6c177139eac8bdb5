package borderwatch.service;

import borderwatch.engine.Engine;
import borderwatch.http.Access;
import borderwatch.http.Json;
import borderwatch.report.NationalReport;
import borderwatch.report.ReportRequest;
import borderwatch.report.Reports;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;

/** The national view: every province the node serves, each as its own board and report show it. */
final class NationalRoutes {

    private final Vertx vertx;
    private final List<Engine> provinces;
    private final Clock clock;

    NationalRoutes(Vertx vertx, List<? extends Engine> provinces, Clock clock) {
        this.vertx = vertx;
        this.provinces = List.copyOf(provinces);
        this.clock = clock;
    }

    /**
     * {@code GET /api/v1/national/reports/{year}} with the query of a province's report: each province's
     * own report of the period, added up ({@link NationalReport}); a confined token's provinces only.
     */
    void report(RoutingContext ctx) {
        var who = Access.principal(ctx);
        List<Engine> seen = provinces.stream().filter(e -> who.mayActIn(e.gates().provinceId())).toList();
        java.time.ZoneId zone = provinces.get(0).gates().zone();
        int year = ReportRequest.year(ctx.pathParam("year"), clock.instant(), zone);
        ReportRequest request = ReportRequest.of(year, ctx.queryParams().get("period"), ctx.queryParams().get("from"),
                ctx.queryParams().get("to"), ctx.queryParams().get("asOf"), clock.instant(), zone,
                ctx.queryParams().get("lang"), ctx.queryParams().get("format"));
        boolean current = ctx.queryParams().get("asOf") == null;
        vertx.executeBlocking(() -> NationalReport.of(seen.stream().map(e -> current ? Reports.current(e.live(), request)
                        : Reports.build(e.storage(), e.live().blank(), request, p -> { })).toList())
                        .render(request.lang(), request.format(), provinces.get(0).gates(), Json.mapper()), false)
             .onSuccess(r -> ctx.response().putHeader("content-type", r.contentType())
                     .putHeader("content-disposition", (java.util.Set.of("html", "json").contains(request.format())
                             ? "inline" : "attachment") + "; filename=\"" + r.fileName() + "\"")
                     .end(io.vertx.core.buffer.Buffer.buffer(r.body())))
             .onFailure(ctx::fail);
    }

    /** A token confined to some provinces sees those; a national one sees all. */
    void board(RoutingContext ctx) {
        var who = Access.principal(ctx);
        List<Engine> seen = provinces.stream().filter(e -> who.mayActIn(e.gates().provinceId())).toList();
        java.time.Instant now = clock.instant();
        vertx.executeBlocking(() -> NationalBoard.read(seen, now), false)
             .onSuccess(board -> Json.send(ctx, 200, board))
             .onFailure(ctx::fail);
    }
}
