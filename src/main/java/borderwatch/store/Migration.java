package borderwatch.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * Copies one store's event stream into another in stream order, keeping event ids, aggregates,
 * sequence numbers, timestamps and metadata. Batches are appended atomically, so an interrupted
 * migration resumes where the target stops: the target must hold exactly the source's first
 * events (checked by id) and nothing else. Snapshots and processor tokens are not copied; the
 * target rebuilds both.
 */
public final class Migration {

    static final int BATCH = 1_000;

    /** What a run did: events in the source, already in the target before, copied now. */
    public record Outcome(long sourceEvents, long alreadyThere, long copied, long targetEvents) {
        public boolean complete() {
            return targetEvents == sourceEvents;
        }
    }

    private Migration() {
    }

    public static Outcome run(EventStorage source, EventStorage target, long limit, LongConsumer progress) {
        long total = source.eventCount();
        Tail there = tailOf(target);
        if (there.count > total) {
            throw new IllegalStateException("the target holds " + there.count + " events, more than the source's " + total
                    + "; it is not a copy of this source");
        }
        long copied = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = source.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
            for (long i = 1; i <= there.count; i++) {
                String id = it.next().getIdentifier();
                if (i == there.count && !id.equals(there.lastId)) {
                    throw new IllegalStateException("the target's event " + i + " (" + there.lastId + ") is not the "
                            + "source's (" + id + "); migrate into an empty store");
                }
            }
            List<EventMessage<?>> batch = new ArrayList<>(BATCH);
            while (it.hasNext() && copied + batch.size() < limit) {
                batch.add(it.next());
                if (batch.size() == BATCH) {
                    target.appendEvents(batch);
                    copied += batch.size();
                    batch = new ArrayList<>(BATCH);
                    progress.accept(there.count + copied);
                }
            }
            if (!batch.isEmpty()) {
                target.appendEvents(batch);
                copied += batch.size();
            }
        }
        progress.accept(there.count + copied);
        return new Outcome(total, there.count, copied, target.eventCount());
    }

    private record Tail(long count, String lastId) {
    }

    /** How many events a store holds and the id of its last, read through once: stores number events differently. */
    private static Tail tailOf(EventStorage storage) {
        long count = 0;
        String last = null;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            for (Iterator<? extends TrackedEventMessage<?>> it = events.iterator(); it.hasNext(); ) {
                last = it.next().getIdentifier();
                count++;
            }
        }
        return new Tail(count, last);
    }
}
