package borderwatch.service;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * Answers on the node's port while it folds its history at start, which for years of history takes
 * a while: {@code /health/live} says 200 (the process is up and working), everything else 503 with
 * {@code Retry-After} and {@code {"status":"starting"}}, so a service manager's liveness probe does
 * not kill a node that is only catching up, and a proxy or a console sees "starting", not a refused
 * connection. It lets go of the port just before the real server binds it.
 */
public final class StartingResponder implements AutoCloseable {

    private static final String STARTING = "{\"status\":\"starting\",\"message\":\"the node is folding its history; "
            + "try again shortly\"}";

    private final HttpServer server;
    private boolean closed;

    private StartingResponder(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code port}; none on port 0, where the real server picks its own. */
    public static StartingResponder listen(Vertx vertx, String host, int port) {
        if (port == 0) {
            return new StartingResponder(null);
        }
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            boolean live = "/health/live".equals(request.path());
            request.response().setStatusCode(live ? 200 : 503).putHeader("content-type", "application/json")
                    .putHeader("cache-control", "no-store");
            if (!live) {
                request.response().putHeader("retry-after", "5");
            }
            request.response().end(live ? "{\"status\":\"live\",\"starting\":true}" : STARTING);
        });
        try {
            return new StartingResponder(server.listen(port, host).await());
        } catch (Exception e) {
            if (e instanceof java.net.BindException || e.getCause() instanceof java.net.BindException) {
                throw portInUse(host, port, e);
            }
            throw e;
        }
    }

    /** A busy port is a configuration mistake: said the same way whichever server meets it. */
    public static IllegalStateException portInUse(String host, int port, Exception cause) {
        return new IllegalStateException("port " + port + " on " + host
                + " is already in use; choose another with --port or BORDERWATCH_PORT", cause);
    }

    @Override
    public synchronized void close() {
        if (server != null && !closed) {
            closed = true;
            server.close().await();
        }
    }
}
