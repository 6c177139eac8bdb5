package borderwatch.shared;

/**
 * An event that keeps what a person typed with an action: who acted ({@code by}, null when the event
 * does not say) and why ({@code reason}). The audit log shows both; implementing this is how a new
 * event type gets its words into it.
 */
public interface Attributed {

    String by();

    String reason();
}
