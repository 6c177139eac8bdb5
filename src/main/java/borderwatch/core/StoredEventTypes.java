package borderwatch.core;

import borderwatch.store.EventTypeRegistry;

/** Every stored type of every feature; each carries its stored name ({@link borderwatch.store.StoredAs}) beside its fields. */
public final class StoredEventTypes {

    private StoredEventTypes() {
    }

    public static EventTypeRegistry registry() {
        return Features.ALL.storedTypes();
    }
}
