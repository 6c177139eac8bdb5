package borderwatch.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON that people's programs read and write — the HTTP API, the live feeds, reports — set up
 * once. (Stored events have their own, faster mapper in the store.)
 */
public final class ApiJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            // Money arrives as JSON numbers too; reading them as BigDecimal keeps every digit.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // {"events": [...], "events": [...]} is ambiguous; refuse it rather than pick one.
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ApiJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
