package borderwatch.http;

import borderwatch.auth.Principal;
import borderwatch.auth.Role;
import borderwatch.auth.Tokens;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Lets a request through only with a bearer token whose role may do what the route does: 401 with
 * {@code WWW-Authenticate} without a (valid) token, 403 when the role falls short. Browsers cannot
 * set headers on a WebSocket or on a link, so the feeds and the printable reports also take the
 * token as {@code access_token} in the query; which routes do is decided where each route is
 * declared, never from the path, so no spelling of a path can carry a query token elsewhere.
 */
public final class Access {

    public static final String PRINCIPAL = "principal";
    public static final String QUERY_TOKEN = "access_token";

    private final Tokens tokens;
    private final RateLimits limits;
    private final FailedAttempts failures;
    /** The province whose routes these are on a node serving several; null on a node serving one. */
    private final String province;

    public Access(Tokens tokens, RateLimits limits) {
        this(tokens, limits, new FailedAttempts(), null);
    }

    private Access(Tokens tokens, RateLimits limits, FailedAttempts failures, String province) {
        this.tokens = tokens;
        this.limits = limits;
        this.failures = failures;
        this.province = province;
    }

    /**
     * The same checks for one province's routes: a token confined to other provinces gets 403. Rate
     * limits and failed attempts are counted once for the node.
     */
    public Access forProvince(String id) {
        return new Access(tokens, limits, failures, id);
    }

    /** Any valid token, whatever its role. */
    public Handler<RoutingContext> anyone() {
        return require(role -> true, "", false);
    }

    public Handler<RoutingContext> viewers() {
        return require(Role::mayView, "view the board", false);
    }

    /**
     * Viewers, also with the token as {@code access_token} in the query: only for the routes a
     * browser opens without headers (WebSockets, report links). Every other route refuses it there.
     */
    public Handler<RoutingContext> viewersByLink() {
        return require(Role::mayView, "view the board", true);
    }

    public Handler<RoutingContext> coordinators() {
        return require(Role::mayCoordinate, "coordinate (plans, response plans, drills, imports)", false);
    }

    public Handler<RoutingContext> admins() {
        return require(Role::mayAdminister, "administer this node (tokens, webhooks)", false);
    }

    /** Feeds, coordinators and admins; a feed's gates are checked against the batch by the route. */
    public Handler<RoutingContext> reporters() {
        return require(role -> role == Role.FEED || role.mayCoordinate(), "report gate events", false);
    }

    public static Principal principal(RoutingContext ctx) {
        return ctx.get(PRINCIPAL);
    }

    private Handler<RoutingContext> require(Predicate<Role> allowed, String what, boolean byLink) {
        return ctx -> {
            if (!byLink && ctx.request().getParam(QUERY_TOKEN) != null) {
                Json.error(ctx, 400, List.of(FieldError.of(QUERY_TOKEN,
                        "a token in the query is taken only by the live feeds and report links; send it as Authorization: Bearer")));
                return;
            }
            String presented = presented(ctx, byLink);
            if (presented == null || presented.isEmpty()) {
                decide(ctx, Optional.empty(), allowed, what);
                return;
            }
            // Throttled before any check: a client that keeps presenting wrong tokens costs nothing.
            String address = FailedAttempts.address(ClientAddress.of(ctx));
            String id = FailedAttempts.tokenId(Tokens.idOf(presented));
            if (refusedForFailures(ctx, failures.waitSeconds(address))) {
                return;
            }
            Tokens.Attempt quick = tokens.tryAtOnce(presented);
            if (quick.settled()) {
                if (quick.who().isEmpty() && refusedForFailures(ctx, failures.waitSeconds(id))) {
                    return;
                }
                checked(ctx, quick.who(), address, id, allowed, what);
                return;
            }
            // Only a token still kept with a legacy PBKDF2 hash gets here, once: it is rehashed on success.
            if (refusedForFailures(ctx, failures.waitSeconds(id))) {
                return;
            }
            // A WebSocket upgrade must stay unread until the route upgrades it; anything else goes on.
            boolean upgrade = "websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"));
            ctx.request().pause();
            ctx.vertx().executeBlocking(() -> tokens.authenticate(presented), false).onComplete(result -> {
                if (!upgrade) {
                    ctx.request().resume();
                }
                if (result.failed()) {
                    ctx.fail(result.cause());
                } else {
                    checked(ctx, result.result(), address, id, allowed, what);
                }
            });
        };
    }

    private void checked(RoutingContext ctx, Optional<Principal> who, String address, String id,
                         Predicate<Role> allowed, String what) {
        if (who.isEmpty()) {
            failures.failed(address);
            failures.failed(id);
        }
        decide(ctx, who, allowed, what);
    }

    private static boolean refusedForFailures(RoutingContext ctx, long waitSeconds) {
        if (waitSeconds == 0) {
            return false;
        }
        ctx.response().putHeader("Retry-After", Long.toString(waitSeconds));
        Json.error(ctx, 429, List.of(FieldError.of("authorization",
                "too many failed token checks; retry after " + waitSeconds + " s")));
        return true;
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
        if (province != null && !who.get().mayActIn(province)) {
            Json.error(ctx, 403, List.of(FieldError.of("province",
                    "this token acts in " + String.join(", ", new java.util.TreeSet<>(who.get().provinces()))
                            + " only, not " + province)));
            return;
        }
        if (!limits.admit(ctx, who.get())) {
            return;
        }
        ctx.put(PRINCIPAL, who.get().forRequest(RequestLog.id(ctx)));
        ctx.next();
    }

    private static String presented(RoutingContext ctx, boolean byLink) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null) {
            return header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        }
        return byLink ? ctx.request().getParam(QUERY_TOKEN) : null;
    }
}
