package borderwatch.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
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
        long total = source.headPosition();
        long already = target.headPosition();
        if (already > total) {
            throw new IllegalStateException("the target holds " + already + " events, more than the source's " + total
                    + "; it is not a copy of this source");
        }
        if (already > 0 && !idAt(source, already).equals(idAt(target, already))) {
            throw new IllegalStateException("the target's event " + already + " is not the source's; "
                    + "migrate into an empty store");
        }
        long copied = 0;
        try (Stream<? extends TrackedEventMessage<?>> events =
                     source.readEvents(already == 0 ? null : new GlobalSequenceTrackingToken(already), false)) {
            Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
            List<EventMessage<?>> batch = new ArrayList<>(BATCH);
            while (it.hasNext() && copied + batch.size() < limit) {
                batch.add(it.next());
                if (batch.size() == BATCH) {
                    target.appendEvents(batch);
                    copied += batch.size();
                    batch = new ArrayList<>(BATCH);
                    progress.accept(already + copied);
                }
            }
            if (!batch.isEmpty()) {
                target.appendEvents(batch);
                copied += batch.size();
            }
        }
        progress.accept(already + copied);
        return new Outcome(total, already, copied, target.headPosition());
    }

    /** The id of the event at a stream position: the sender's id for gate reports, else the message id. */
    static String idAt(EventStorage storage, long position) {
        try (Stream<? extends TrackedEventMessage<?>> s =
                     storage.readEvents(new GlobalSequenceTrackingToken(position - 1), false)) {
            TrackedEventMessage<?> m = s.findFirst().orElseThrow(() -> new IllegalStateException(
                    "no event at position " + position));
            return m.getPayload() instanceof IdentifiedEvent e ? e.eventId() : m.getIdentifier();
        }
    }
}
