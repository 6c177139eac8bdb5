package borderwatch.store;

import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * What BorderWatch needs from an event store beyond Axon's engine contract: id look-ups for
 * idempotent ingest, the head position, and a scan that folds without per-event framework work.
 */
public interface EventStorage extends EventStorageEngine, AutoCloseable {

    /** Which of the given event ids are already stored. */
    Set<String> existingIds(Collection<String> eventIds);

    /** Position of the newest stored event, 0 when the store is empty. */
    long headPosition();

    /**
     * How many stored events lie beyond {@code position}, counted up to {@code atMost}. Positions
     * of the embedded store are dense, so its count is a subtraction.
     */
    default long eventsAfter(long position, long atMost) {
        return Math.min(atMost, Math.max(0, headPosition() - position));
    }

    /** How many events the store holds. */
    default long eventCount() {
        return headPosition();
    }

    /**
     * Delivers the events with {@code afterPosition < position <= upToPosition} in order.
     * Used for replay and for rebuilding read models at start.
     */
    void scan(long afterPosition, long upToPosition, Consumer<StoredEvent> consumer);

    /** A short description for logs and /health, e.g. the file path. */
    String describe();

    @Override
    void close();

    /**
     * The proof of this store's history up to {@code position} (an event it holds), for a read-model
     * checkpoint to be bound to; empty where the engine keeps none, and then no checkpoint is trusted.
     */
    default java.util.Optional<HistoryProof> proofAt(long position) {
        return java.util.Optional.empty();
    }

    /** Tells {@code observer} how long each durable append took, in nanoseconds; engines that cannot tell ignore it. */
    default void onAppend(java.util.function.LongConsumer observer) {
    }
}
