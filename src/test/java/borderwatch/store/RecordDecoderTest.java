package borderwatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import borderwatch.core.StoredEventTypes;
import borderwatch.gate.GateReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compact reader must give what data binding gives, or step aside: every stored type is
 * decoded both ways from what the store writes and from payloads bent out of that shape.
 */
class RecordDecoderTest {

    private static final ObjectMapper MAPPER = EventCodec.newMapper();
    private final EventCodec codec = new EventCodec(StoredEventTypes.registry());

    @Test
    void theGateReportsAreReadWithoutDataBinding() {
        for (Class<?> type : List.of(GateReport.VehiclesCleared.class, GateReport.TurnoverRecorded.class,
                GateReport.QueueObserved.class)) {
            assertTrue(RecordDecoder.of(type).isPresent(), type.getSimpleName());
        }
        byte[] stored = codec.encode(new GateReport.VehiclesCleared("e-1", "huu-nghi",
                borderwatch.province.Direction.EXPORT, 12, Instant.parse("2025-05-14T01:15:00.250Z"), "fruit", true));
        Object fast = RecordDecoder.of(GateReport.VehiclesCleared.class).orElseThrow()
                .decode(stored);
        assertNotNull(fast, "the shape the store writes is read by the compact reader");
        assertEquals(bound(GateReport.VehiclesCleared.class, stored), fast);
    }

    @Test
    void everyStoredTypeDecodesAsDataBindingDoes() throws Exception {
        int fastOnes = 0;
        int readFast = 0;
        for (Map.Entry<String, Class<?>> e : StoredEventTypes.registry().all().entrySet()) {
            var decoder = RecordDecoder.of(e.getValue());
            if (decoder.isEmpty()) {
                continue;
            }
            fastOnes++;
            for (String json : samples(e.getValue())) {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                Object fast = decoder.get().decode(bytes);
                Object bound = boundOrFailure(e.getValue(), bytes);
                if (fast != null) {
                    assertEquals(bound, fast, e.getKey() + ": " + json);
                    readFast++;
                }
                if (StoredEventTypes.registry().upcasterOf(e.getKey()).isPresent()) {
                    continue; // an older shape: the codec upcasts its tree and never reads it this way
                }
                // Through the codec, either way, the answer is data binding's.
                Object viaCodec;
                try {
                    viaCodec = codec.decode(e.getKey(), bytes);
                } catch (RuntimeException failure) {
                    viaCodec = failure.getCause() == null ? failure : failure.getCause().getClass();
                }
                assertEquals(bound instanceof Throwable t ? t.getClass() : bound, viaCodec, e.getKey() + ": " + json);
            }
        }
        assertTrue(fastOnes >= 3, "the gate reports at least are read by the compact reader");
        assertTrue(readFast >= 2 * fastOnes, "the plain samples were read without data binding: " + readFast);
    }

    @Test
    void shapesItDoesNotWriteAreLeftToDataBinding() {
        RecordDecoder d = RecordDecoder.of(GateReport.VehiclesCleared.class).orElseThrow();
        for (String json : List.of(
                "{\"eventId\":\"e\",\"gate\":\"g\",\"direction\":\"EXPORT\",\"vehicles\":\"5\",\"at\":\"2025-01-01T00:00:00Z\"}",
                "{\"eventId\":\"e\",\"gate\":\"g\",\"direction\":\"EXPORT\",\"vehicles\":5.0,\"at\":\"2025-01-01T00:00:00Z\"}",
                "{\"eventId\":\"e\",\"gate\":\"g\",\"direction\":\"export\",\"vehicles\":5,\"at\":\"2025-01-01T00:00:00Z\"}",
                "{\"eventId\":\"e\",\"gate\":\"g\",\"direction\":\"EXPORT\",\"vehicles\":null,\"at\":\"2025-01-01T00:00:00Z\"}",
                "{\"eventId\":\"e\",\"gate\":\"g\",\"direction\":\"EXPORT\",\"vehicles\":5,\"at\":1735689600}",
                "{\"eventId\":\"e\",\"gate\":\"g\",\"direction\":\"EXPORT\",\"vehicles\":5,\"at\":\"2025-01-01T07:00:00+07:00\"}",
                "{\"eventId\":\"e\",\"gate\":\"g\",\"direction\":\"EXPORT\",\"vehicles\":99999999999,\"at\":\"2025-01-01T00:00:00Z\"}",
                "{\"eventId\":\"e\",\"gate\":\"g\",\"direction\":\"EXPORT\",\"vehicles\":5,\"at\":\"2025-01-01T00:00:00Z\"} x",
                "[1,2]",
                "{\"eventId\":\"e\",\"gate\":\"g\"")) {
            assertNull(d.decode(json.getBytes(StandardCharsets.UTF_8)), json);
        }
    }

    /** What the store writes for {@code type}, then the same with fields left out, nulled, unknown or reshaped. */
    private static List<String> samples(Class<?> type) {
        StringBuilder full = new StringBuilder("{");
        StringBuilder nulls = new StringBuilder("{");
        for (var c : type.getRecordComponents()) {
            String v = sampleValue(c.getType());
            full.append(full.length() > 1 ? "," : "").append('"').append(c.getName()).append("\":").append(v);
            nulls.append(nulls.length() > 1 ? "," : "").append('"').append(c.getName()).append("\":null");
        }
        full.append('}');
        nulls.append('}');
        String withUnknown = full.substring(0, full.length() - 1) + ",\"later\":{\"a\":[1,2,{\"b\":null}]}}";
        String asText = full.toString().replaceAll(":(-?\\d+)([,}])", ":\"$1\"$2");
        String plain = full.toString().replace("\"x <b>\\u0007 \\\"q\\\"\"", "\"huu-nghi\"");
        return List.of(full.toString(), plain, plain.replace("2147483647", "-7").replace("0.875", "-1.5e3"),
                plain.replace("\"huu-nghi\"", "\"Hữu Nghị\""), nulls.toString(), "{}", withUnknown, asText,
                full.toString().replace("\"2025-05-14T01:15:00Z\"", "\"2025-05-14T08:15:00+07:00\""),
                full.toString().replace("true", "1"));
    }

    private static String sampleValue(Class<?> t) {
        if (t == String.class) {
            return "\"x <b>\\u0007 \\\"q\\\"\"";
        }
        if (t == int.class || t == Integer.class) {
            return "2147483647";
        }
        if (t == long.class || t == Long.class) {
            return "-9223372036854775808";
        }
        if (t == double.class || t == Double.class) {
            return "0.875";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true";
        }
        if (t == Instant.class) {
            return "\"2025-05-14T01:15:00Z\"";
        }
        if (t.isEnum()) {
            return "\"" + ((Enum<?>) t.getEnumConstants()[0]).name() + "\"";
        }
        return "null";
    }

    private static Object bound(Class<?> type, byte[] json) {
        try {
            return MAPPER.readerFor(type).readValue(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Object boundOrFailure(Class<?> type, byte[] json) {
        try {
            Object bound = MAPPER.readerFor(type).readValue(json);
            return bound == null ? "null" : bound;
        } catch (java.io.IOException | RuntimeException e) {
            return e;
        }
    }
}
