package borderwatch.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/**
 * Requests the HTTP codec could not even parse (a broken request line, a header line too long,
 * bytes that are not HTTP) get the same kind of JSON error as every other refusal, then the
 * connection is closed, as Vert.x's default does.
 */
public final class InvalidRequests {

    private InvalidRequests() {
    }

    public static Handler<HttpServerRequest> handler() {
        return request -> {
            Throwable cause = request.decoderResult().cause();
            int status;
            String field;
            String message;
            if (cause instanceof TooLongHttpLineException) {
                status = 414;
                field = "uri";
                message = "the request line is too long";
            } else if (cause instanceof TooLongHttpHeaderException) {
                status = 431;
                field = "headers";
                message = "the request headers are too large";
            } else {
                status = 400;
                field = "request";
                message = "not a well-formed HTTP request";
            }
            RequestLog.beforeRouting(request, status);
            request.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
                    .end("{\"errors\":[{\"field\":\"" + field + "\",\"message\":\"" + message + "\"}]}")
                    .onComplete(done -> request.connection().close());
        };
    }
}
