package borderwatch.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.CSPHandler;
import io.vertx.ext.web.handler.XFrameHandler;

/**
 * Headers that keep the console and the printable reports from being framed, sniffed or made to
 * run foreign code: a content security policy that allows only this origin's scripts, styles,
 * images and connections (WebSockets included), no framing, no referrer.
 */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    public static void install(Router router) {
        router.route().handler(CSPHandler.create()
                .setDirective("default-src", "'self'")
                .setDirective("script-src", "'self'")
                // The report and uPlot's charts set element styles; style injection cannot run code.
                .setDirective("style-src", "'self' 'unsafe-inline'")
                .setDirective("img-src", "'self' data:")
                .setDirective("connect-src", "'self'")
                .setDirective("object-src", "'none'")
                .setDirective("base-uri", "'none'")
                .setDirective("form-action", "'self'")
                .setDirective("frame-ancestors", "'none'"));
        router.route().handler(XFrameHandler.create(XFrameHandler.DENY));
        router.route().handler(ctx -> {
            ctx.response().putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer");
            ctx.next();
        });
    }
}
