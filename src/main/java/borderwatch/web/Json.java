package borderwatch.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** JSON in and out of the HTTP API. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            // Money arrives as JSON numbers too; reading them as BigDecimal keeps every digit.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // {"events": [...], "events": [...]} is ambiguous; refuse it rather than pick one.
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

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
