package borderwatch.http;

import borderwatch.shared.Fatal;
import borderwatch.shared.Rejection;
import borderwatch.store.DuplicateEventIdException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns any failure into an honest status with a JSON body; never a stack trace to the client. */
public final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    public static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException
                || c instanceof java.util.concurrent.ExecutionException
                || c instanceof org.axonframework.commandhandling.CommandExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    public static void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure() == null ? null : rootCause(ctx.failure());
        if (failure != null) {
            Fatal.check(ctx.failure());
        }
        if (ctx.response().ended()) {
            return;
        }
        if (failure instanceof BadRequest bad) {
            Json.error(ctx, bad.status(), bad.errors());
        } else if (failure instanceof borderwatch.shared.Conflict c) {
            Json.error(ctx, 409, List.of(FieldError.of(c.field(), c.reason())));
        } else if (failure instanceof Rejection r) {
            Json.error(ctx, 400, List.of(FieldError.of(r.field(), r.reason())));
        } else if (failure instanceof DuplicateEventIdException) {
            Json.error(ctx, 409, List.of(FieldError.of("id", "an event id in this batch was stored concurrently; retry")));
        } else if (failure instanceof HttpException http) {
            Json.error(ctx, http.getStatusCode(), List.of(FieldError.of(fieldFor(http.getStatusCode()),
                    messageFor(ctx, http.getStatusCode()))));
        } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            Json.error(ctx, ctx.statusCode(), List.of(FieldError.of(fieldFor(ctx.statusCode()),
                    messageFor(ctx, ctx.statusCode()))));
        } else {
            LOG.error("request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
            ctx.response().putHeader("Retry-After", "5");
            Json.error(ctx, 503, List.of(FieldError.of("service", "temporarily unable to process the request; retry")));
        }
    }

    private static String fieldFor(int status) {
        return status == 413 ? "body" : status == 404 ? "path" : status == 405 ? "method" : "request";
    }

    private static String messageFor(RoutingContext ctx, int status) {
        return switch (status) {
            // The route's own limit: an import may be far larger than a batch of reports.
            case 413 -> "is too large (limit " + BoundedBody.describe(ctx.get(BoundedBody.LIMIT, HttpLimits.BODY_LIMIT_BYTES)) + ")";
            case 404 -> "no such resource";
            case 405 -> "method not allowed here";
            case 415 -> "content type must be application/json";
            default -> "request refused";
        };
    }
}
