package borderwatch.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Turns event payloads into stored JSON and back, under their registered type names. */
public final class EventCodec {

    private static final ObjectMapper MAPPER = newMapper();
    private static final ObjectReader METADATA_READER = MAPPER.readerFor(Map.class);

    private final EventTypeRegistry registry;
    private final Map<String, Decoding> decodings = new ConcurrentHashMap<>();
    private final Map<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();

    public EventCodec(EventTypeRegistry registry) {
        this.registry = registry;
    }

    /** The mapper used for stored payloads; shared so that Axon's serializer agrees with the store. */
    public static ObjectMapper newMapper() {
        // Field names stay canonicalized: without it Jackson reads UTF-8 bytes through a Reader, char by
        // char, and the byte parser with its shared symbol table is the faster one (measured with the
        // bench's replay, README "Replay").
        JsonFactory factory = JsonFactory.builder().build();
        return new ObjectMapper(factory)
                .registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule("borderwatch-instants")
                        .addSerializer(Instant.class, new IsoInstantSerializer())
                        .addDeserializer(Instant.class, new IsoInstantDeserializer()))
                .registerModule(new BlackbirdModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public EventTypeRegistry registry() {
        return registry;
    }

    public String typeName(Object payload) {
        return registry.nameOf(payload.getClass());
    }

    public byte[] encode(Object payload) {
        try {
            return writers.computeIfAbsent(payload.getClass(), MAPPER::writerFor).writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + payload.getClass().getName(), e);
        }
    }

    public Object decode(String storedName, byte[] json) {
        try {
            var upcaster = registry.upcasterOf(storedName);
            if (upcaster.isPresent()) {
                return upcast(upcaster.get(), MAPPER.readTree(json));
            }
            Decoding decoding = decoding(storedName);
            if (decoding.fast() != null) {
                Object fast = decoding.fast().decode(json);
                if (fast != null) {
                    return fast;
                }
            }
            return decoding.reader().readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode stored event of type " + storedName, e);
        }
    }

    /** How one stored type is read: straight from the parser where it can be, by data binding otherwise. */
    private record Decoding(ObjectReader reader, RecordDecoder fast) {
    }

    /** The payload as a JSON tree, for stores that nest it inside a larger record. */
    public JsonNode encodeTree(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    public Object decode(String storedName, JsonNode tree) {
        try {
            var upcaster = registry.upcasterOf(storedName);
            if (upcaster.isPresent()) {
                return upcast(upcaster.get(), tree.deepCopy());
            }
            return decoding(storedName).reader().readValue(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode stored event of type " + storedName, e);
        }
    }

    private Object upcast(EventTypeRegistry.Upcaster upcaster, JsonNode stored) throws IOException {
        if (!(stored instanceof ObjectNode object)) {
            throw new IOException("stored " + upcaster.olderName() + " payload is not a JSON object");
        }
        return MAPPER.readerFor(upcaster.current()).readValue(upcaster.change().apply(object));
    }

    private Decoding decoding(String storedName) {
        return decodings.computeIfAbsent(storedName, name -> {
            Class<?> type = registry.classOf(name).orElseThrow(() -> new UnknownStoredTypeException(name));
            return new Decoding(MAPPER.readerFor(type), RecordDecoder.of(type).orElse(null));
        });
    }

    public byte[] encodeMetadata(Map<String, ?> metadata) {
        if (metadata.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsBytes(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata must be JSON-serializable", e);
        }
    }

    public Map<String, Object> decodeMetadata(byte[] json) {
        if (json == null) {
            return Map.of();
        }
        try {
            Map<String, Object> map = METADATA_READER.readValue(json);
            return new HashMap<>(map);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode stored metadata", e);
        }
    }

    public static final class UnknownStoredTypeException extends RuntimeException {
        public UnknownStoredTypeException(String name) {
            super("stored event type '" + name + "' is not registered (an upcaster or registration is missing)");
        }
    }
}
