package borderwatch.shared;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What a fold (or an aggregate's state) does with each event type of the families it follows: a handler, or a plain statement
 * that the type changes nothing for it. A test holds the names against the stored types, so a new
 * type of a followed family fails the build until the fold has said what it means to it. (A map
 * from type to handler rather than a visitor: a fold names the few types it ignores in one line,
 * where a visitor's empty method per type repeated itself in every fold.)
 *
 * @param <F> the fold the handlers act on
 */
public final class EventRoutes<F> {

    private final Map<Class<?>, BiConsumer<F, Object>> handlers = new HashMap<>();
    private final Set<Class<?>> named = new HashSet<>();

    /** {@code handler} folds events of {@code type} into the fold. */
    @SuppressWarnings("unchecked")
    public <E> EventRoutes<F> on(Class<E> type, BiConsumer<F, ? super E> handler) {
        name(type);
        handlers.put(type, (BiConsumer<F, Object>) handler);
        return this;
    }

    /** Events of these types leave the fold as it is. */
    public EventRoutes<F> ignore(Class<?>... types) {
        for (Class<?> type : types) {
            name(type);
        }
        return this;
    }

    private void name(Class<?> type) {
        if (!named.add(type)) {
            throw new IllegalArgumentException(type.getSimpleName() + " is named twice");
        }
    }

    /** Hands {@code event} to the handler for its type, if any; {@code fold} must be an {@code F}. */
    @SuppressWarnings("unchecked")
    public void apply(Object fold, Object event) {
        BiConsumer<F, Object> handler = handlers.get(event.getClass());
        if (handler != null) {
            handler.accept((F) fold, event);
        }
    }

    /** Every type named, handled or ignored. */
    public Set<Class<?>> named() {
        return Set.copyOf(named);
    }
}
