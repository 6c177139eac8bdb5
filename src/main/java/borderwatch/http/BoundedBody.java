package borderwatch.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/** Reads a request body up to a route's own limit, and leaves that limit for the 413 that names it. */
public final class BoundedBody {

    static final String LIMIT = "borderwatch.bodyLimit";

    private BoundedBody() {
    }

    public static Handler<RoutingContext> upTo(long bytes) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(bytes);
        return ctx -> {
            ctx.put(LIMIT, bytes);
            body.handle(ctx);
        };
    }

    /** "1 MiB", "32 MiB", "512 KiB": the limit as a person reads it. */
    static String describe(long bytes) {
        long mib = 1024L * 1024;
        return bytes % mib == 0 ? bytes / mib + " MiB" : bytes / 1024 + " KiB";
    }
}
