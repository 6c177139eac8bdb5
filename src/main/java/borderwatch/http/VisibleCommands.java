package borderwatch.http;

import borderwatch.auth.Principal;
import borderwatch.engine.Engine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/**
 * Read-your-write for every write of the API: a command's answer waits until its events are durable
 * and the live read model shows them, so the next read sees the change. The wait is bounded: the
 * events are stored either way, and a lagging projection must not hold answers back for good.
 */
public final class VisibleCommands {

    /** How long an answer waits for the live board to show a stored change before answering anyway. */
    public static final long VISIBLE_WITHIN_MS = 2_000;

    private final Vertx vertx;
    private final Engine engine;

    public VisibleCommands(Vertx vertx, Engine engine) {
        this.vertx = vertx;
        this.engine = engine;
    }

    /** Sends {@code command} on behalf of {@code who}, whose token every resulting event records. */
    public <R> Future<R> send(Object command, Principal who) {
        return Future.fromCompletionStage(engine.commands().<R>send(Actors.command(command, who)), vertx.getOrCreateContext())
                     .compose(result -> shown().map(result));
    }

    /** Completes once the live read model shows everything stored so far, or after {@link #VISIBLE_WITHIN_MS}. */
    public Future<Void> shown() {
        return Future.fromCompletionStage(engine.whenHeadProjected()
                .completeOnTimeout(null, VISIBLE_WITHIN_MS, TimeUnit.MILLISECONDS), vertx.getOrCreateContext());
    }
}
