package borderwatch.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Who a request came from, for per-client budgets (failed token checks, the public board): the
 * peer's address, or, when the peer is a proxy named in the configuration, the address that proxy
 * appended last to {@code X-Forwarded-For}. No peer is trusted by default, not even loopback: any
 * process on the host could otherwise name any address it liked.
 */
public record ClientAddress(Set<String> trustedProxies) {

    public static final ClientAddress TRUST_NO_PROXY = new ClientAddress(Set.of());
    private static final String KEY = "clientAddress";

    public ClientAddress {
        trustedProxies = Set.copyOf(trustedProxies);
    }

    /** Works out each request's client address once, before anything counts against it. */
    public Handler<RoutingContext> handler() {
        return ctx -> {
            ctx.put(KEY, of(ctx.request()));
            ctx.next();
        };
    }

    /** The client address {@link #handler()} found for this request (the peer's, where it did not run). */
    public static String of(RoutingContext ctx) {
        String address = ctx.get(KEY);
        return address != null ? address : peer(ctx.request());
    }

    String of(HttpServerRequest request) {
        String peer = peer(request);
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && trustedProxies.contains(peer)) {
            String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
            if (!last.isEmpty() && last.length() <= 64 && last.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                return last;
            }
        }
        return peer;
    }

    private static String peer(HttpServerRequest request) {
        SocketAddress peer = request.remoteAddress();
        return peer == null ? "unknown" : peer.hostAddress();
    }
}
