package borderwatch.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every request an id and writes one access line when it ends. The id is the caller's
 * {@code X-Request-Id} when it is a plain token (a proxy's or a gate system's), else a new one; it is
 * sent back in the same header and stored in the metadata of the events the request causes.
 *
 * <p>The line never holds the query string, nor any header: the console sends its token as
 * {@code access_token} in WebSocket URLs and everyone else in {@code Authorization}.
 */
public final class RequestLog {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "requestId";
    private static final String STARTED = "requestStarted";
    private static final String UPGRADED = "requestUpgraded";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** Controls C0 and C1, format characters, line and paragraph separators, blanks, quotes and backslashes. */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\s\"\\\\]");
    private static final Logger ACCESS = LoggerFactory.getLogger("borderwatch.access");

    private RequestLog() {
    }

    public static Handler<RoutingContext> handler() {
        return ctx -> {
            String given = ctx.request().getHeader(HEADER);
            String id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
            ctx.put(KEY, id);
            ctx.response().putHeader(HEADER, id);
            long started = System.nanoTime();
            ctx.put(STARTED, started);
            ctx.addEndHandler(done -> {
                if (ctx.get(UPGRADED) == null) {
                    write(ctx, id, ctx.response().getStatusCode(), started);
                }
            });
            ctx.next();
        };
    }

    /**
     * A WebSocket opened: its line is written now, with 101, since the request's own end comes only
     * when the socket closes, if Vert.x reports it at all.
     */
    public static void upgraded(RoutingContext ctx) {
        Long started = ctx.get(STARTED);
        if (started != null && ctx.get(UPGRADED) == null) {
            ctx.put(UPGRADED, Boolean.TRUE);
            write(ctx, id(ctx), 101, started);
        }
    }

    /**
     * For an answer given before routing (a request the codec could not parse, a path the router
     * cannot decode): a fresh id on the answer and an access line, as every routed request gets.
     */
    public static void beforeRouting(HttpServerRequest request, int status) {
        String id = UUID.randomUUID().toString();
        request.response().putHeader(HEADER, id).putHeader("X-Content-Type-Options", "nosniff");
        if (ACCESS.isInfoEnabled()) {
            String method = request.method() == null ? "-" : request.method().name();
            line(method, request.path(), status, 0, 0, request, null, id);
        }
    }

    /** This request's id; empty outside a request that passed {@link #handler()}. */
    public static String id(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id == null ? "" : id;
    }

    private static void write(RoutingContext ctx, String id, int status, long started) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        var who = Access.principal(ctx);
        line(ctx.request().method().name(), ctx.request().path(), status, ctx.response().bytesWritten(),
                (System.nanoTime() - started) / 1_000_000, ctx.request(), who == null ? null : who.tokenId(), id);
    }

    /** {@code tokenId} is null when no token was verified. */
    private static void line(String method, String rawPath, int status, long bytes, long millis,
                             HttpServerRequest request, String tokenId, String id) {
        // A percent-encoded path arrives as sent; what is left is kept to one printable field.
        String path = UNPRINTABLE.matcher(rawPath == null ? "" : rawPath).replaceAll("?");
        String client = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        ACCESS.atInfo()
              .addKeyValue("requestId", id)
              .addKeyValue("method", method)
              .addKeyValue("path", path)
              .addKeyValue("status", status)
              .addKeyValue("bytes", bytes)
              .addKeyValue("millis", millis)
              .addKeyValue("client", client)
              .addKeyValue("tokenId", tokenId == null ? "" : tokenId)
              .log("{} {} {} {} B {} ms client={} token={} id={}", method, path, status, bytes, millis, client,
                      tokenId == null ? "-" : tokenId, id);
    }
}
