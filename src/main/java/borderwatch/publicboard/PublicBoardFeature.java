package borderwatch.publicboard;

import borderwatch.plugin.Feature;
import borderwatch.plugin.Wiring;
import java.util.List;

/** The public wait board: no token, levels and expected waits only, and only when the service turns it on. */
public final class PublicBoardFeature implements Feature {

    /** The service's option that serves the board; off by default. */
    public static final String OPTION = "publicBoard";

    @Override
    public String name() {
        return "publicboard";
    }

    @Override
    public List<String> apiTags() {
        return List.of("public");
    }

    @Override
    public void start(Wiring w) {
        if (w.enabled(OPTION, false)) {
            w.router().get("/public/v1/waits").handler(new PublicBoardRoutes(w.node(), w.clock())::waits);
            w.router().getWithRegex("^/public$").handler(ctx -> ctx.redirect("/public/"));
        } else {
            // Its page is among the console's files: a node without the board must not serve it.
            w.router().route("/public").handler(ctx -> ctx.fail(404));
            w.router().route("/public/*").handler(ctx -> ctx.fail(404));
        }
    }
}
