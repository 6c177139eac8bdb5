package borderwatch.http;

import io.vertx.core.Handler;
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
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cntrl}\\s\"\\\\]");
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

    /** This request's id; empty outside a request that passed {@link #handler()}. */
    public static String id(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id == null ? "" : id;
    }

    private static void write(RoutingContext ctx, String id, int status, long started) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        var request = ctx.request();
        // A percent-encoded path arrives as sent; what is left is kept to one printable field.
        String path = UNPRINTABLE.matcher(request.path() == null ? "" : request.path()).replaceAll("?");
        long millis = (System.nanoTime() - started) / 1_000_000;
        var who = Access.principal(ctx);
        String client = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        ACCESS.atInfo()
              .addKeyValue("requestId", id)
              .addKeyValue("method", request.method().name())
              .addKeyValue("path", path)
              .addKeyValue("status", status)
              .addKeyValue("bytes", ctx.response().bytesWritten())
              .addKeyValue("millis", millis)
              .addKeyValue("client", client)
              .addKeyValue("tokenId", who == null ? "" : who.tokenId())
              .log("{} {} {} {} B {} ms client={} token={} id={}", request.method().name(), path, status,
                      ctx.response().bytesWritten(), millis, client, who == null ? "-" : who.tokenId(), id);
    }
}
