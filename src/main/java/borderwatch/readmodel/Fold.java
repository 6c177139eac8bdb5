package borderwatch.readmodel;

/**
 * One feature's read model, advanced by a pure fold over the stream. A fold hands each event to the
 * handler of its event family ({@code GateEvent.Handler}, {@code PlanEvent.Handler}), which has a
 * method per event type and no defaults: a new event type fails the build in every fold of its
 * family until the fold says what the type means to it.
 */
public interface Fold {

    /** Folds one stored event; events of families the fold does not follow leave it as it is. */
    void apply(Object event);

    /** A deep copy, so a query or a drill can work on it while the original moves on. */
    Fold copy();
}
