package borderwatch.store.kurrent;

import borderwatch.store.DuplicateEventIdException;
import io.kurrent.dbclient.AppendStreamRequest;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.StreamState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * One unit of work's events as appends per stream, each expecting the stream to stand just before
 * its first event: sequence number 0 expects no stream, n expects revision n − 1. Everything that
 * would make the append fail half-way is refused here, before anything is sent.
 */
record AppendPlan(List<StreamAppend> streams, List<String> ids) {

    record StreamAppend(String stream, long firstSequence, List<EventData> events) {
        StreamState expected() {
            return firstSequence == 0 ? StreamState.noStream() : StreamState.streamRevision(firstSequence - 1);
        }

        AppendStreamRequest request() {
            return new AppendStreamRequest(stream, events.iterator(), expected());
        }
    }

    static AppendPlan of(List<? extends EventMessage<?>> events, KurrentRecords records, KnownIds known) {
        Map<String, List<DomainEventMessage<?>>> byStream = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(events.size());
        for (EventMessage<?> e : events) {
            if (!(e instanceof DomainEventMessage<?> d) || d.getAggregateIdentifier() == null) {
                throw new IllegalArgumentException("event " + e.getIdentifier() + " belongs to no aggregate; "
                        + "KurrentDB streams are kept per aggregate");
            }
            byStream.computeIfAbsent(records.names().ofAggregate(d.getAggregateIdentifier()), s -> new ArrayList<>()).add(d);
            ids.add(KurrentRecords.idOf(e));
        }
        Set<String> unique = new HashSet<>(ids);
        if (unique.size() < ids.size()) {
            throw new DuplicateEventIdException("an event id occurs twice in one append", null);
        }
        Set<String> stored = known.existing(ids);
        if (!stored.isEmpty()) {
            throw new DuplicateEventIdException("event id already stored: " + stored.iterator().next(), null);
        }
        List<StreamAppend> appends = new ArrayList<>(byStream.size());
        byStream.forEach((stream, messages) -> {
            long first = messages.get(0).getSequenceNumber();
            List<EventData> data = new ArrayList<>(messages.size());
            for (int i = 0; i < messages.size(); i++) {
                if (messages.get(i).getSequenceNumber() != first + i) {
                    throw new ConcurrencyException("events of " + stream + " are not in sequence: expected "
                            + (first + i) + ", got " + messages.get(i).getSequenceNumber());
                }
                data.add(records.encode(messages.get(i)));
            }
            appends.add(new StreamAppend(stream, first, data));
        });
        return new AppendPlan(appends, ids);
    }
}
