package borderwatch.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Maps stored type names ({@code gate.vehicles-cleared.v1}) to Java classes and back.
 * Names are written into the store, so they are chosen explicitly and never derived from class
 * names: renaming or moving a class must not break an existing stream.
 */
public final class EventTypeRegistry {

    private final Map<String, Class<?>> byName = new LinkedHashMap<>();
    private final Map<Class<?>, String> byClass = new LinkedHashMap<>();
    private final Map<String, Upcaster> upcasters = new LinkedHashMap<>();

    /** How a stored JSON payload of an older version becomes the current one. */
    public record Upcaster(String olderName, Class<?> current, UnaryOperator<ObjectNode> change) {
    }

    /** Registers a type under the name its {@link StoredAs} gives. */
    public EventTypeRegistry register(Class<?> type) {
        StoredAs name = type.getAnnotation(StoredAs.class);
        if (name == null) {
            throw new IllegalArgumentException(type.getName() + " has no @StoredAs name");
        }
        return register(name.value(), type);
    }

    public EventTypeRegistry register(String storedName, Class<?> type) {
        if (!storedName.matches("[a-z0-9-]+(\\.[a-z0-9-]+)*\\.v[0-9]+")) {
            throw new IllegalArgumentException("stored type name must look like 'feature.name.v1': " + storedName);
        }
        Class<?> previous = byName.putIfAbsent(storedName, type);
        if (previous != null && previous != type) {
            throw new IllegalArgumentException(storedName + " is already registered for " + previous.getName());
        }
        byClass.putIfAbsent(type, storedName);
        return this;
    }

    /**
     * Reads payloads stored as {@code olderName} as {@code current} after {@code change} has rewritten
     * their JSON. The current type must be registered first; events are always written as the
     * current version.
     */
    public EventTypeRegistry upcast(String olderName, Class<?> current, UnaryOperator<ObjectNode> change) {
        if (!byClass.containsKey(current)) {
            throw new IllegalArgumentException(current.getName() + " must be registered before upcasts to it");
        }
        register(olderName, current);
        upcasters.put(olderName, new Upcaster(olderName, current, change));
        return this;
    }

    /** The upcaster for payloads stored under {@code storedName}, when that name is an older version. */
    public Optional<Upcaster> upcasterOf(String storedName) {
        return Optional.ofNullable(upcasters.get(storedName));
    }

    public String nameOf(Class<?> type) {
        String name = byClass.get(type);
        if (name == null) {
            throw new IllegalArgumentException("no stored type name registered for " + type.getName());
        }
        return name;
    }

    public Optional<Class<?>> classOf(String storedName) {
        return Optional.ofNullable(byName.get(storedName));
    }

    public Map<String, Class<?>> all() {
        return Map.copyOf(byName);
    }
}
