package borderwatch.service;

import borderwatch.http.FieldError;
import borderwatch.http.Json;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * On a node serving several provinces, hands a province's request to that province's routes:
 * {@code ?province=} names it, and without it the node's first province answers, so a console or a
 * client written for one province keeps working. The node's own routes (tokens, who-am-I, the national
 * view, health, metrics, the console's files) are not a province's and go on.
 */
final class ProvinceDispatch implements Handler<RoutingContext> {

    /** What belongs to a province: its API, its live and history sockets, its public wait board. */
    private static final Pattern PROVINCE_PATHS = Pattern.compile("^/(api/v1/(?!tokens|whoami|national)|ws/(?!national)|public/v1/).*");

    private final Map<String, Router> byProvince;
    private final String first;

    ProvinceDispatch(Map<String, Router> byProvince, String first) {
        this.byProvince = Map.copyOf(byProvince);
        this.first = first;
    }

    /**
     * On a node serving one province: {@code ?province=} may name it (a client written for several
     * provinces works here too), and naming another is 400, never an answer about the wrong province.
     */
    static Handler<RoutingContext> onlyProvince(String id) {
        return ctx -> {
            List<String> asked = ctx.queryParam("province");
            if (PROVINCE_PATHS.matcher(ctx.normalizedPath()).matches() && !asked.isEmpty()
                    && (asked.size() > 1 || !asked.get(0).equals(id))) {
                Json.error(ctx, 400, List.of(FieldError.of("province", "this node serves " + id + " only")));
                return;
            }
            ctx.next();
        };
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!PROVINCE_PATHS.matcher(ctx.normalizedPath()).matches()) {
            ctx.next();
            return;
        }
        List<String> asked = ctx.queryParam("province");
        if (asked.size() > 1) {
            Json.error(ctx, 400, List.of(FieldError.of("province", "give one province")));
            return;
        }
        if (!asked.isEmpty() && asked.get(0).isBlank()) {
            // An empty province is a client's mistake, not a wish for the first province's figures.
            Json.error(ctx, 400, List.of(FieldError.of("province", "must name a province, or be left out")));
            return;
        }
        String province = asked.isEmpty() ? first : asked.get(0);
        Router router = byProvince.get(province);
        if (router == null) {
            // Answered before any token is read: it names no province of the node and echoes little.
            String shown = province.length() > 40 ? province.substring(0, 40) + "…" : province;
            Json.error(ctx, 400, List.of(FieldError.of("province", "no province '" + shown + "' on this node")));
            return;
        }
        router.handleContext(ctx);
    }
}
