package borderwatch.notify;

import borderwatch.plugin.Feature;
import borderwatch.plugin.Wiring;
import java.util.List;

/** Webhook deliveries as admins read them; the hooks themselves listen to the store from the assembly. */
public final class NotifyFeature implements Feature {

    @Override
    public String name() {
        return "notify";
    }

    @Override
    public List<String> apiTags() {
        return List.of("webhooks");
    }

    @Override
    public void start(Wiring w) {
        Webhooks hooks = w.part(Webhooks.class).orElseGet(() -> Webhooks.none(w.node().gates()));
        w.router().get("/api/v1/webhooks").handler(w.access().admins()).handler(new WebhooksRoute(hooks)::get);
    }
}
