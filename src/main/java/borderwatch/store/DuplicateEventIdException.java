package borderwatch.store;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/** An append carried an event id that is already stored; nothing of that append was stored. */
public class DuplicateEventIdException extends EventStoreException {
    public DuplicateEventIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
