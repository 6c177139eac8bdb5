package borderwatch.notify;

import borderwatch.http.FieldError;
import borderwatch.http.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/webhooks}: the configured hooks (without secrets) and the latest deliveries, for admins. */
final class WebhooksRoute {

    private final Webhooks webhooks;

    public WebhooksRoute(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    public void get(RoutingContext ctx) {
        int limit = 100;
        String asked = ctx.request().getParam("limit");
        if (asked != null) {
            if (!asked.matches("[0-9]{1,3}") || Integer.parseInt(asked) < 1 || Integer.parseInt(asked) > DeliveryLog.KEPT) {
                Json.error(ctx, 400, List.of(FieldError.of("limit", "must be a whole number from 1 to " + DeliveryLog.KEPT)));
                return;
            }
            limit = Integer.parseInt(asked);
        }
        Json.send(ctx, 200, Map.of("hooks", webhooks.hooks().stream().map(h -> Map.of("id", h.id(), "url", h.shownUrl(),
                        "events", h.events(), "gates", h.gates())).toList(),
                "deliveries", webhooks.log().latest(limit)));
    }
}
