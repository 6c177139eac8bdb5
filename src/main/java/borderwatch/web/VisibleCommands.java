package borderwatch.web;

import borderwatch.core.Core;
import borderwatch.auth.Principal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Sends a command and completes once its events are durable and shown by the live read model. */
final class VisibleCommands {

    private final Vertx vertx;
    private final Core core;

    VisibleCommands(Vertx vertx, Core core) {
        this.vertx = vertx;
        this.core = core;
    }

    /** Sends {@code command} on behalf of {@code who}, whose token every resulting event records. */
    <R> Future<R> send(Object command, Principal who) {
        return Future.fromCompletionStage(core.commands().<R>send(Actors.command(command, who)), vertx.getOrCreateContext())
                     .compose(result -> Future.fromCompletionStage(core.whenHeadProjected(), vertx.getOrCreateContext())
                             .map(result));
    }
}
