package borderwatch.apidocs;

import borderwatch.plugin.Feature;
import borderwatch.plugin.Wiring;

/** The OpenAPI and AsyncAPI documents and their browsable page. */
public final class ApiDocsFeature implements Feature {

    @Override
    public String name() {
        return "apidocs";
    }

    @Override
    public void start(Wiring w) {
        new ApiDocsRoutes().install(w.router());
    }
}
