package borderwatch.web;

import borderwatch.auth.Principal;
import borderwatch.auth.Role;
import borderwatch.auth.Tokens;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Lets a request through only with a bearer token whose role may do what the route does: 401 with
 * {@code WWW-Authenticate} without a (valid) token, 403 when the role falls short. Browsers cannot
 * set headers on a WebSocket or on a link, so the feeds and the printable reports also take the
 * token as {@code access_token} in the query.
 */
final class Access {

    static final String PRINCIPAL = "principal";

    private final Tokens tokens;
    private final RateLimits limits;

    Access(Tokens tokens, RateLimits limits) {
        this.tokens = tokens;
        this.limits = limits;
    }

    /** Any valid token, whatever its role. */
    Handler<RoutingContext> anyone() {
        return require(role -> true, "");
    }

    Handler<RoutingContext> viewers() {
        return require(Role::mayView, "view the board");
    }

    Handler<RoutingContext> coordinators() {
        return require(Role::mayCoordinate, "coordinate (plans, response plans, drills, imports)");
    }

    Handler<RoutingContext> admins() {
        return require(Role::mayAdminister, "manage tokens");
    }

    /** Feeds, coordinators and admins; a feed's gates are checked against the batch by the route. */
    Handler<RoutingContext> reporters() {
        return require(role -> role == Role.FEED || role.mayCoordinate(), "report gate events");
    }

    static Principal principal(RoutingContext ctx) {
        return ctx.get(PRINCIPAL);
    }

    private Handler<RoutingContext> require(Predicate<Role> allowed, String what) {
        return ctx -> {
            String presented = presented(ctx);
            Tokens.Attempt quick = tokens.tryAtOnce(presented);
            if (quick.settled()) {
                decide(ctx, quick.who(), allowed, what);
                return;
            }
            // The hash check is slow on purpose; it runs off the event loop while the request waits.
            // A request with a body was read by the body handler already; one without (a WebSocket
            // upgrade) is held until the check is done.
            boolean hold = !ctx.request().isEnded();
            if (hold) {
                ctx.request().pause();
            }
            ctx.vertx().executeBlocking(() -> tokens.authenticate(presented), false).onComplete(result -> {
                try {
                    if (result.failed()) {
                        ctx.fail(result.cause());
                    } else {
                        decide(ctx, result.result(), allowed, what);
                    }
                } finally {
                    if (hold && !ctx.request().isEnded()) {
                        ctx.request().resume();
                    }
                }
            });
        };
    }

    private void decide(RoutingContext ctx, Optional<Principal> who, Predicate<Role> allowed, String what) {
        if (who.isEmpty()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"borderwatch\"");
            Json.error(ctx, 401, List.of(FieldError.of("authorization",
                    "a valid bearer token is required (Authorization: Bearer <token>)")));
            return;
        }
        if (!allowed.test(who.get().role())) {
            Json.error(ctx, 403, List.of(FieldError.of("authorization",
                    "a " + who.get().role().id() + " token may not " + what)));
            return;
        }
        if (!limits.admit(ctx, who.get())) {
            return;
        }
        ctx.put(PRINCIPAL, who.get());
        ctx.next();
    }

    private static String presented(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null) {
            return header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        }
        String path = ctx.request().path();
        if (path.startsWith("/ws/") || path.startsWith("/api/v1/reports/")) {
            return ctx.request().getParam("access_token");
        }
        return null;
    }
}
