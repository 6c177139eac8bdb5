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
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
        try {
            return MAPPER.readTree(body.getBytes());
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
