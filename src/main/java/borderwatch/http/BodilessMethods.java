package borderwatch.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;

/**
 * Refuses a body on a method that takes none (GET, HEAD, OPTIONS and any method no route knows).
 * No route reads such a body, and one left unread can hold the static files' not-found answer
 * until the connection's idle timeout.
 */
public final class BodilessMethods {

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private BodilessMethods() {
    }

    public static Handler<RoutingContext> handler() {
        return ctx -> {
            var request = ctx.request();
            String length = request.getHeader("Content-Length");
            boolean body = request.getHeader("Transfer-Encoding") != null || (length != null && !length.equals("0"));
            if (body && !WITH_BODY.contains(request.method())) {
                Json.error(ctx, 400, List.of(FieldError.of("body", "a " + request.method().name() + " request carries no body")));
                return;
            }
            ctx.next();
        };
    }
}
