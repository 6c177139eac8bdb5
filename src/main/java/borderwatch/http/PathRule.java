package borderwatch.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses, before routing, any path that a router or a proxy could read as another path: dot
 * segments, empty segments ({@code //}), backslashes, and percent-encoded dots, slashes, backslashes,
 * percent signs or control characters. Authorisation is decided by the route a request reaches; with
 * such paths refused, the path that was authorised is the path that was written, whatever the
 * router, nginx or a browser would have made of it. No resource of ours has such a name.
 */
public final class PathRule {

    /** Encoded {@code . / \ %}, C0 controls (including NUL), DEL, and C1 controls as bytes or in UTF-8. */
    private static final Pattern ENCODED = Pattern.compile("%(2e|2f|5c|25|[01][0-9a-f]|7f)|%c2%[89][0-9a-f]");
    /** A {@code %} that does not start two hex digits. */
    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9a-fA-F]{2})");
    static final String BROKEN_ESCAPE_REASON = "must not contain a % that is not followed by two hex digits";

    private PathRule() {
    }

    /**
     * Answers a path the router cannot even decode, before it tries: Vert.x's router fails on such a
     * path with an error of its own (plain text, a stack trace in the log). Returns true when it answered.
     */
    public static boolean refusedBeforeRouting(HttpServerRequest request) {
        String path = request.path();
        if (path == null || !BROKEN_ESCAPE.matcher(path).find()) {
            return false;
        }
        RequestLog.beforeRouting(request, 400);
        request.response().setStatusCode(400).putHeader("Content-Type", "application/json; charset=utf-8")
               .end("{\"errors\":[{\"field\":\"path\",\"message\":\"" + BROKEN_ESCAPE_REASON + "\"}]}");
        return true;
    }

    public static Handler<RoutingContext> handler() {
        return ctx -> {
            String why = problem(ctx.request().path());
            if (why != null) {
                Json.error(ctx, 400, List.of(FieldError.of("path", why)));
                return;
            }
            ctx.next();
        };
    }

    /** Why the raw path is refused, or null when it is plain. */
    public static String problem(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            return "must be an absolute path";
        }
        if (raw.contains("//")) {
            return "must not contain empty segments (//)";
        }
        if (raw.indexOf('\\') >= 0) {
            return "must not contain backslashes";
        }
        for (String segment : raw.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return "must not contain dot segments (. or ..)";
            }
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return "must not contain control characters";
            }
        }
        if (BROKEN_ESCAPE.matcher(raw).find()) {
            return BROKEN_ESCAPE_REASON;
        }
        if (ENCODED.matcher(raw.toLowerCase(Locale.ROOT)).find()) {
            return "must not contain encoded dots, slashes, backslashes, percent signs or control characters";
        }
        return null;
    }
}
