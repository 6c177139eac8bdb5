package borderwatch.http;

import borderwatch.json.ApiJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** JSON in and out of the HTTP API. */
public final class Json {

    private static final ObjectMapper MAPPER = ApiJson.mapper();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a request body; malformed JSON becomes a 400 naming the body. */
    public static JsonNode body(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw BadRequest.of("body", "is empty; a JSON object is required");
        }
        String type = ctx.request().getHeader("content-type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new BadRequest(415, java.util.List.of(FieldError.of("content-type", "must be application/json")));
        }
        String text;
        try {
            // JSON between systems is UTF-8 (RFC 8259); Jackson would guess UTF-16 or UTF-32 from the bytes.
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body.getBytes())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw BadRequest.of("body", "is not UTF-8");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw BadRequest.of("body", "is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw BadRequest.of("body", "could not be read");
        }
    }

    public static void send(RoutingContext ctx, int status, Object value) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
        ctx.response()
           .setStatusCode(status)
           .putHeader("content-type", "application/json; charset=utf-8")
           .end(Buffer.buffer(bytes));
    }

    public static void error(RoutingContext ctx, int status, java.util.List<FieldError> errors) {
        send(ctx, status, Map.of("errors", errors));
    }
}
