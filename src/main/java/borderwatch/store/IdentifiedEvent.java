package borderwatch.store;

/**
 * An event that carries its producer's id. The store keeps ids unique, which is what makes a
 * repeated delivery from a gate system harmless.
 */
public interface IdentifiedEvent {
    String eventId();
}
