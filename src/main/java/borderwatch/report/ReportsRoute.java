package borderwatch.report;

import borderwatch.engine.Engine;
import borderwatch.http.Json;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/v1/reports/{year}?period=…&asOf=…&lang=vi|en&format=json|csv|html|docx|xlsx|pdf}, and
 * {@code POST} to the same with the statements staff reworded.
 */
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
        send(ctx, request(ctx), List.of());
    }

    /** {@code POST}: the same report with staff's rewording of its assessment and proposals ({@link ReportEdits}). */
    public void post(RoutingContext ctx) {
        ReportRequest request = request(ctx);
        send(ctx, request, ReportEdits.parse(Json.body(ctx)));
    }

    private void send(RoutingContext ctx, ReportRequest request, List<Assessment.Edit> edits) {
        boolean current = ctx.queryParams().get("asOf") == null;
        vertx.executeBlocking(() -> {
                    PeriodReport report = current ? Reports.current(engine.live(), request)
                            : Reports.build(engine.storage(), engine.live().blank(), request, p -> { });
                    ReportEdits.check(edits, report.judgement());
                    return Reports.render(report.judged(report.judgement().reworded(edits)), request, engine.gates(),
                            Json.mapper());
                }, false)
             .onSuccess(r -> ctx.response().putHeader("content-type", r.contentType())
                     // Documents are saved; pages and data are shown where they are opened.
                     .putHeader("content-disposition", (Set.of("html", "json").contains(request.format()) ? "inline"
                             : "attachment") + "; filename=\"" + r.fileName() + "\"")
                     .end(Buffer.buffer(r.body())))
             .onFailure(ctx::fail);
    }

    private ReportRequest request(RoutingContext ctx) {
        int year = ReportRequest.year(ctx.pathParam("year"), clock.instant(), engine.gates().zone());
        return ReportRequest.of(year, ctx.queryParams().get("period"), ctx.queryParams().get("from"),
                ctx.queryParams().get("to"), ctx.queryParams().get("asOf"), clock.instant(),
                engine.gates().zone(), ctx.queryParams().get("lang"), ctx.queryParams().get("format"));
    }
}
