package borderwatch.store.kurrent;

import borderwatch.store.EventCodec;
import borderwatch.store.IdentifiedEvent;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.RecordedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.GenericMessage;

/** Axon messages to KurrentDB event data and back, under the registered event type names. */
final class KurrentRecords {

    private static final ObjectWriter WRITER = EventCodec.newMapper().writerFor(Envelope.class);
    private static final ObjectReader READER = EventCodec.newMapper().readerFor(Envelope.class);

    private final EventCodec codec;
    private final StreamNames names;

    KurrentRecords(EventCodec codec, StreamNames names) {
        this.codec = codec;
        this.names = names;
    }

    StreamNames names() {
        return names;
    }

    EventCodec codec() {
        return codec;
    }

    /** The BorderWatch id of a message: the sender's id for gate reports, else Axon's message id. */
    static String idOf(EventMessage<?> message) {
        return message.getPayload() instanceof IdentifiedEvent e ? e.eventId() : message.getIdentifier();
    }

    EventData encode(DomainEventMessage<?> message) {
        String id = idOf(message);
        Object payload = message.getPayload();
        Envelope envelope = new Envelope(id, message.getType(), message.getSequenceNumber(), message.getTimestamp(),
                new HashMap<>(message.getMetaData()), codec.encodeTree(payload));
        try {
            return EventData.builderAsJson(StreamNames.eventId(id), codec.typeName(payload), WRITER.writeValueAsBytes(envelope))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode event " + id, e);
        }
    }

    Envelope envelope(RecordedEvent event) {
        try {
            return READER.readValue(event.getEventData());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event " + event.getEventId() + " of " + event.getStreamId(), e);
        }
    }

    Object payload(RecordedEvent event, Envelope envelope) {
        return codec.decode(event.getEventType(), envelope.payload());
    }

    TrackedEventMessage<?> tracked(RecordedEvent event) {
        Envelope e = envelope(event);
        var message = new GenericMessage<>(e.id(), payload(event, e), metadata(e));
        return new GenericTrackedDomainEventMessage<>(AllPosition.of(event.getPosition()), e.aggregateType(),
                names.aggregateIdOf(event.getStreamId()), event.getRevision(), message, e::timestamp);
    }

    DomainEventMessage<?> domain(RecordedEvent event) {
        Envelope e = envelope(event);
        return new GenericDomainEventMessage<>(e.aggregateType(), names.aggregateIdOf(event.getStreamId()),
                event.getRevision(), payload(event, e), metadata(e), e.id(), e.timestamp());
    }

    /** A snapshot keeps the aggregate's sequence number in its envelope; its stream revision is unrelated. */
    DomainEventMessage<?> snapshot(String aggregateId, RecordedEvent event) {
        Envelope e = envelope(event);
        return new GenericDomainEventMessage<>(e.aggregateType(), aggregateId, e.sequence(), payload(event, e),
                metadata(e), e.id(), e.timestamp());
    }

    private static Map<String, Object> metadata(Envelope e) {
        return e.metadata() == null ? Map.of() : new HashMap<>(e.metadata());
    }
}
