package borderwatch.store.sqlite;

import borderwatch.store.DuplicateEventIdException;
import org.axonframework.modelling.command.ConcurrencyException;

/** Gives SQLite's constraint failures their meaning for the event store. */
final class SqliteErrors {

    private SqliteErrors() {
    }

    static RuntimeException translate(Exception e) {
        if (e instanceof RuntimeException re) {
            return re;
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("events.event_id")) {
            return new DuplicateEventIdException("an event with this id is already stored", e);
        }
        if (message.contains("events.aggregate_id")) {
            return new ConcurrencyException("another append used the same aggregate sequence number", e);
        }
        return new IllegalStateException("event store write failed: " + message, e);
    }
}
