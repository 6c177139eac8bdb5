package borderwatch.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * When provinces merge, the merged province takes in its predecessors' history: every event of a
 * predecessor's store is appended to the merged province's store, in the predecessor's order and
 * with its ids, aggregates and times, except its annual plans (a plan is the province's that set it,
 * and the merged province sets its own). Gate ids are unique across a node, so the predecessor's
 * gates keep their streams. Events already there (by id) are skipped, so a merge interrupted part
 * way, or run twice, never copies an event twice.
 */
public final class ProvinceMerge {

    static final int BATCH = 1_000;

    /** What a merge did: the predecessor's events, those taken in now, those already there, plans left out. */
    public record Outcome(long events, long copied, long alreadyThere, long plansLeftOut) {
    }

    private ProvinceMerge() {
    }

    public static Outcome absorb(EventStorage predecessor, EventStorage merged) {
        long events = 0;
        long copied = 0;
        long there = 0;
        long plans = 0;
        List<EventMessage<?>> batch = new ArrayList<>(BATCH);
        try (Stream<? extends TrackedEventMessage<?>> stream = predecessor.readEvents(null, false)) {
            for (Iterator<? extends TrackedEventMessage<?>> it = stream.iterator(); it.hasNext(); ) {
                TrackedEventMessage<?> e = it.next();
                events++;
                if (e instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null
                        && d.getAggregateIdentifier().startsWith("plan-")) {
                    plans++;
                    continue;
                }
                batch.add(e);
                if (batch.size() == BATCH) {
                    long[] r = append(batch, merged);
                    copied += r[0];
                    there += r[1];
                    batch = new ArrayList<>(BATCH);
                }
            }
        }
        if (!batch.isEmpty()) {
            long[] r = append(batch, merged);
            copied += r[0];
            there += r[1];
        }
        return new Outcome(events, copied, there, plans);
    }

    private static long[] append(List<EventMessage<?>> batch, EventStorage merged) {
        Set<String> existing = merged.existingIds(batch.stream().map(EventMessage::getIdentifier).toList());
        List<EventMessage<?>> fresh = batch.stream().filter(e -> !existing.contains(e.getIdentifier()))
                .collect(Collectors.toList());
        if (!fresh.isEmpty()) {
            merged.appendEvents(fresh);
        }
        return new long[] {fresh.size(), batch.size() - fresh.size()};
    }
}
