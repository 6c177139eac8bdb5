package borderwatch.store;

/** One decoded event as read by the fast replay path, without any framework envelope. */
public record StoredEvent(long position, String type, Object payload) {
}
