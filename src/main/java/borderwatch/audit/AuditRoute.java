package borderwatch.audit;

import borderwatch.auth.TokenAudit;
import borderwatch.engine.Engine;
import borderwatch.http.BadRequest;
import borderwatch.http.Json;
import borderwatch.shared.DayOrInstant;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/audit?from=…&to=…[&gate=…][&kind=decision|report][&tokenId=…][&cursor=…]} for
 * coordinators and admins: who did what, when, through which token, over at most {@link #MAX_PERIOD}.
 * {@code from} and {@code to} are dates (to is inclusive) or instants; without them, the last seven
 * days. A page ends after {@link #MAX_ENTRIES} entries with a {@code next} cursor to read on from.
 */
final class AuditRoute {

    public static final Duration MAX_PERIOD = Duration.ofDays(31);
    public static final int MAX_ENTRIES = 5_000;
    /** Token ids are hex; "command-line" stands for the token command. */
    private static final java.util.regex.Pattern TOKEN_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Vertx vertx;
    private final Engine engine;
    private final Clock clock;
    private final AuditTrail trail;

    /**
     * {@code recorded} is the clock events are stamped with when stored: the wall clock, whatever
     * business time says; {@code storedNames} names each event type as the store does.
     */
    public AuditRoute(Vertx vertx, Engine engine, TokenAudit tokens, Clock recorded,
                      java.util.function.Function<Class<?>, String> storedNames) {
        this.vertx = vertx;
        this.engine = engine;
        this.clock = recorded;
        // The version of a stored name matters to the store, not to a reader of the audit.
        this.trail = new AuditTrail(engine.storage(), tokens, type -> storedNames.apply(type).replaceFirst("\\.v\\d+$", ""),
                engine.gates().provinceId());
    }

    public void get(RoutingContext ctx) {
        String rawFrom = ctx.queryParams().get("from");
        String rawTo = ctx.queryParams().get("to");
        Instant to = rawTo == null ? clock.instant() : DayOrInstant.parse(rawTo, engine.gates().zone(), "to", true);
        Instant from = rawFrom == null ? to.minus(Duration.ofDays(7))
                : DayOrInstant.parse(rawFrom, engine.gates().zone(), "from", false);
        if (!from.isBefore(to)) {
            throw BadRequest.of("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw BadRequest.of("to", "an audit period is at most " + MAX_PERIOD.toDays() + " days");
        }
        String gate = ctx.queryParams().get("gate");
        if (gate != null && engine.gates().find(gate).isEmpty()) {
            throw BadRequest.of("gate", "unknown gate '" + gate + "'");
        }
        String kindName = ctx.queryParams().get("kind");
        AuditTrail.Kind kind = kindName == null ? null : AuditTrail.Kind.named(kindName);
        if (kindName != null && kind == null) {
            throw BadRequest.of("kind", "must be decision or report");
        }
        String tokenId = ctx.queryParams().get("tokenId");
        if (tokenId != null && !TOKEN_ID.matcher(tokenId).matches()) {
            throw BadRequest.of("tokenId", "must be a token id (letters, digits, '-' and '_', at most 64)");
        }
        String cursor = ctx.queryParams().get("cursor");
        AuditTrail.Filter filter = new AuditTrail.Filter(gate, kind, tokenId);
        vertx.executeBlocking(() -> trail.read(from, to, filter, cursor, MAX_ENTRIES), false).onSuccess(page -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("from", from);
            out.put("to", to);
            out.put("gate", gate);
            out.put("kind", kind == null ? null : kind.name().toLowerCase(java.util.Locale.ROOT));
            out.put("tokenId", tokenId);
            out.put("entries", page.entries());
            out.put("truncated", page.truncated());
            out.put("next", page.next());
            Json.send(ctx, 200, out);
        }).onFailure(ctx::fail);
    }
}
