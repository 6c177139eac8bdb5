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
    private static final Pattern PROVINCE_PATHS = Pattern.compile("^/(api/v1/(?!tokens|whoami|national)|ws/|public/v1/).*");

    private final Map<String, Router> byProvince;
    private final String first;

    ProvinceDispatch(Map<String, Router> byProvince, String first) {
        this.byProvince = Map.copyOf(byProvince);
        this.first = first;
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
        String province = asked.isEmpty() || asked.get(0).isBlank() ? first : asked.get(0);
        Router router = byProvince.get(province);
        if (router == null) {
            Json.error(ctx, 400, List.of(FieldError.of("province", "this node serves "
                    + String.join(", ", byProvince.keySet().stream().sorted().toList()) + ", not '" + province + "'")));
            return;
        }
        router.handleContext(ctx);
    }
}
