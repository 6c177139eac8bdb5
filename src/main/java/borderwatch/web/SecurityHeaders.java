package borderwatch.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.CSPHandler;
import io.vertx.ext.web.handler.XFrameHandler;

/**
 * Headers that keep the console and the printable reports from being framed, sniffed or made to
 * run foreign code: a content security policy that allows only this origin's scripts, styles,
 * images and connections (WebSockets included), no framing, no referrer.
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    static void install(Router router) {
        router.route().handler(CSPHandler.create()
                .addDirective("default-src", "'self'")
                .addDirective("script-src", "'self'")
                // The report and uPlot's charts set element styles; style injection cannot run code.
                .addDirective("style-src", "'self' 'unsafe-inline'")
                .addDirective("img-src", "'self' data:")
                .addDirective("connect-src", "'self'")
                .addDirective("object-src", "'none'")
                .addDirective("base-uri", "'none'")
                .addDirective("form-action", "'self'")
                .addDirective("frame-ancestors", "'none'"));
        router.route().handler(XFrameHandler.create(XFrameHandler.DENY));
        router.route().handler(ctx -> {
            ctx.response().putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer");
            ctx.next();
        });
    }
}
