package borderwatch.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.nio.charset.StandardCharsets;

/**
 * The answer to a client whose request headers never arrived: 408 with the usual JSON error, then
 * the connection closes. Vert.x offers no request to answer before the headers are in, so the
 * response goes through the connection's own HTTP encoder (Netty's); where that is not reachable,
 * the connection is only closed.
 */
final class RequestTimeout {

    private static final byte[] BODY = "{\"errors\":[{\"field\":\"headers\",\"message\":\"did not arrive in time\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    private RequestTimeout() {
    }

    public static void answerAndClose(HttpConnection connection) {
        if (!(connection instanceof ConnectionBase base) || !base.channel().isActive()) {
            connection.close();
            return;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_TIMEOUT,
                Unpooled.wrappedBuffer(BODY));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
                .set(HttpHeaderNames.CONNECTION, "close")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.length);
        base.channel().writeAndFlush(response).addListener(written -> connection.close());
    }
}
