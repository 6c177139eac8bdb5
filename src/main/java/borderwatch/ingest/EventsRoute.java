package borderwatch.ingest;

import borderwatch.auth.Principal;
import borderwatch.engine.Engine;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.gate.RecordedBatch;
import borderwatch.http.Access;
import borderwatch.http.Actors;
import borderwatch.http.BadRequest;
import borderwatch.http.Failures;
import borderwatch.http.FieldError;
import borderwatch.http.Json;
import borderwatch.http.VisibleCommands;
import borderwatch.store.DuplicateEventIdException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code POST /api/v1/events}: a batch of gate reports, stored atomically and durably. */
final class EventsRoute {

    private final Vertx vertx;
    private final Engine engine;
    private final EventBatchParser parser;
    private final int maxInFlight;
    private final VisibleCommands visible;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    public EventsRoute(Vertx vertx, Engine engine, Clock clock, int maxInFlight) {
        this.maxInFlight = maxInFlight;
        this.vertx = vertx;
        this.engine = engine;
        this.parser = new EventBatchParser(engine.gates(), clock);
        this.visible = new VisibleCommands(vertx, engine);
    }

    public void handle(RoutingContext ctx) {
        List<GateReport> events = parser.parse(Json.body(ctx));
        requireScope(Access.principal(ctx), events);
        // Batches waiting for the store are bounded: beyond the bound the node says "busy, retry"
        // at once instead of queueing without end and answering everyone late.
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            ctx.response().putHeader("Retry-After", "1");
            Json.error(ctx, 503, List.of(FieldError.of("service",
                    "busy: " + maxInFlight + " batches are being stored; retry in a second")));
            return;
        }
        send(events, Access.principal(ctx), true)
                .compose(batch -> visible.shown().map(batch))
                .onComplete(done -> inFlight.decrementAndGet())
                .onSuccess(batch -> Json.send(ctx, 200,
                        Map.of("accepted", batch.accepted(), "duplicates", batch.duplicates())))
                .onFailure(ctx::fail);
    }

    /** A feed token reports for its own gates only; the whole batch is refused otherwise. */
    private static void requireScope(Principal who, List<GateReport> events) {
        List<FieldError> outside = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (!who.mayReportFor(events.get(i).gate())) {
                outside.add(new FieldError(i, "gate", "this token reports for " + String.join(", ", who.gates())
                        + " only, not " + events.get(i).gate()));
            }
        }
        if (!outside.isEmpty()) {
            throw new BadRequest(403, outside);
        }
    }

    private Future<RecordedBatch> send(List<GateReport> events, Principal who, boolean retryRace) {
        Future<RecordedBatch> sent = Future.fromCompletionStage(
                engine.commands().<RecordedBatch>send(Actors.command(new RecordGateEvents(events), who)), vertx.getOrCreateContext());
        return sent.recover(failure -> {
            // Two batches raced with one id at different gates; once more, the repeat is seen as such.
            if (retryRace && Failures.rootCause(failure) instanceof DuplicateEventIdException) {
                return send(events, who, false);
            }
            return Future.failedFuture(failure);
        });
    }

}
