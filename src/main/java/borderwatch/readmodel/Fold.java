package borderwatch.readmodel;

import borderwatch.shared.EventRoutes;
import java.util.Set;

/**
 * One feature's read model, advanced by a pure fold over the stream. A fold follows one or more
 * event families (the gate's events, the annual plan's) and names every type of each family it
 * follows, handled or ignored ({@link EventRoutes}); a test holds those names against the stored
 * types, so a new event type fails the build in every fold that has not said what it means to it.
 */
public interface Fold {

    /** What this fold does with each event type it names. */
    EventRoutes<?> routes();

    /** Folds one stored event. */
    default void apply(Object event) {
        routes().apply(this, event);
    }

    /** A deep copy, so a query or a drill can work on it while the original moves on. */
    Fold copy();

    /** The event types this fold names, handled or ignored. */
    default Set<Class<?>> eventTypes() {
        return routes().named();
    }
}
