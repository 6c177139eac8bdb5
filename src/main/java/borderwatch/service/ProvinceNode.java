package borderwatch.service;

import borderwatch.core.Core;
import borderwatch.drill.Drills;
import borderwatch.notify.Webhooks;
import borderwatch.sim.DemoScenarios;

/**
 * One province a node serves: its own store and read model, its drills, and optionally the demo's
 * controls and its webhooks. Each province's data is its own; only the HTTP server is shared.
 */
public record ProvinceNode(Core core, Drills drills, DemoScenarios scenarios, Webhooks webhooks) {

    public String id() {
        return core.gates().provinceId();
    }
}
