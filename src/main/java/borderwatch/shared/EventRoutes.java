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
    // The handlers again as two arrays: a fold has a handful, and every replayed event passes every
    // fold, where comparing a few class references took a fifth of the time a hash look-up did.
    private Class<?>[] types = new Class<?>[0];
    private BiConsumer<F, Object>[] actions = newActions(0);

    /** {@code handler} folds events of {@code type} into the fold. */
    @SuppressWarnings("unchecked")
    public <E> EventRoutes<F> on(Class<E> type, BiConsumer<F, ? super E> handler) {
        name(type);
        handlers.put(type, (BiConsumer<F, Object>) handler);
        types = java.util.Arrays.copyOf(types, types.length + 1);
        types[types.length - 1] = type;
        actions = java.util.Arrays.copyOf(actions, actions.length + 1);
        actions[actions.length - 1] = (BiConsumer<F, Object>) handler;
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
        Class<?> type = event.getClass();
        Class<?>[] known = types;
        for (int i = 0; i < known.length; i++) {
            if (known[i] == type) {
                actions[i].accept((F) fold, event);
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <F> BiConsumer<F, Object>[] newActions(int n) {
        return (BiConsumer<F, Object>[]) new BiConsumer<?, ?>[n];
    }

    /** Every type named, handled or ignored. */
    public Set<Class<?>> named() {
        return Set.copyOf(named);
    }
}
