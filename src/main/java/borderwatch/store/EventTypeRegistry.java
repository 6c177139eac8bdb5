package borderwatch.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps stored type names ({@code gate.vehicles-cleared.v1}) to Java classes and back.
 * Names are written into the store, so they are chosen explicitly and never derived from class
 * names: renaming or moving a class must not break an existing stream.
 */
public final class EventTypeRegistry {

    private final Map<String, Class<?>> byName = new LinkedHashMap<>();
    private final Map<Class<?>, String> byClass = new LinkedHashMap<>();

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
