package borderwatch.store;

import java.time.Instant;

/** One decoded event as read by the fast replay path, without any framework envelope. */
public record StoredEvent(long position, String eventId, String aggregateId, long sequence,
                          String type, Instant recordedAt, Object payload) {
}
