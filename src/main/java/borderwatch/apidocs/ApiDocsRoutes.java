package borderwatch.apidocs;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The API described for integrators, without a token: the OpenAPI document at
 * {@code /api/v1/openapi.yaml}, the WebSocket feeds in AsyncAPI at {@code /api/v1/asyncapi.yaml},
 * and both browsable at {@code /api/v1/docs/} through the Swagger UI WebJar.
 */
final class ApiDocsRoutes {

    public static final String OPENAPI = "api/openapi.yaml";
    public static final String ASYNCAPI = "api/asyncapi.yaml";

    private final Buffer openApi = Buffer.buffer(read(OPENAPI));
    private final Buffer asyncApi = Buffer.buffer(read(ASYNCAPI));
    private final Buffer page = Buffer.buffer(new String(read("api/docs/index.html"), StandardCharsets.UTF_8)
            .replace("{{version}}", swaggerUiVersion()));
    private final Buffer start = Buffer.buffer(read("api/docs/start.js"));

    public void install(Router router) {
        router.get("/api/v1/openapi.yaml").handler(ctx -> send(ctx, "application/yaml", openApi));
        router.get("/api/v1/asyncapi.yaml").handler(ctx -> send(ctx, "application/yaml", asyncApi));
        router.getWithRegex("^/api/v1/docs$").handler(ctx -> ctx.redirect("/api/v1/docs/"));
        router.get("/api/v1/docs/").handler(ctx -> send(ctx, "text/html; charset=utf-8", page));
        router.get("/api/v1/docs/start.js").handler(ctx -> send(ctx, "text/javascript; charset=utf-8", start));
        // The WebJar's own demo page points at a public sample API; only this page is ours.
        // The folder itself serves index.html too, and so does the page's name with a slash after it.
        router.getWithRegex("^/webjars/swagger-ui/[^/]+(/((index\\.html|swagger-initializer\\.js|oauth2-redirect\\.(html|js))/*)?)?$")
              .handler(ctx -> ctx.fail(404));
    }

    private static void send(RoutingContext ctx, String type, Buffer body) {
        ctx.response().putHeader("Content-Type", type).putHeader("Cache-Control", "no-cache").end(body);
    }

    /** The bundled Swagger UI's version, which names its folder under /webjars/. */
    static String swaggerUiVersion() {
        Properties pom = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static byte[] read(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ApiDocsRoutes.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the jar");
        }
        return in;
    }
}
