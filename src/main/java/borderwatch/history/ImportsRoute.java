package borderwatch.history;

import borderwatch.auth.Principal;
import borderwatch.engine.Engine;
import borderwatch.gate.RecordedBatch;
import borderwatch.http.Access;
import borderwatch.http.Actors;
import borderwatch.http.BadRequest;
import borderwatch.http.Failures;
import borderwatch.http.Json;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/imports}: a CSV of daily totals per gate as the request body. The whole file
 * is checked first; a bad line refuses the file with every problem and its line number.
 */
final class ImportsRoute {

    /** Ten years of five gates is about 1.5 MB; this leaves room for a province with many gates. */
    public static final long BODY_LIMIT_BYTES = 32L * 1024 * 1024;

    private final Vertx vertx;
    private final Engine engine;
    private final Clock clock;

    public ImportsRoute(Vertx vertx, Engine engine, Clock clock) {
        this.vertx = vertx;
        this.engine = engine;
        this.clock = clock;
    }

    public void handle(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw BadRequest.of("body", "is empty; send the CSV file as the request body");
        }
        byte[] bytes = body.getBytes();
        LocalDate today = LocalDate.now(clock.withZone(engine.gates().zone()));
        Principal who = Access.principal(ctx);
        vertx.executeBlocking(() -> {
            var rows = new DailyTotalsCsv(engine.gates(), today).read(bytes);
            HistoryImport.Summary summary = new HistoryImport(engine.gates(),
                    batch -> engine.commands().<RecordedBatch>sendAndWait(Actors.command(batch, who))).run(rows, done -> { });
            engine.awaitProjected(engine.storage().headPosition(), 30_000);
            return summary;
        }, false).onSuccess(summary -> Json.send(ctx, 200, summary)).onFailure(e -> {
            if (Failures.rootCause(e) instanceof ImportRejected r) {
                List<Map<String, Object>> errors = r.errors().stream().map(x -> Map.<String, Object>of(
                        "line", x.line(), "field", x.field(), "message", x.message())).toList();
                Json.send(ctx, 400, Map.of("errors", errors));
            } else {
                ctx.fail(e);
            }
        });
    }
}
