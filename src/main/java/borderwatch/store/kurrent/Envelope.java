package borderwatch.store.kurrent;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * The JSON data of one BorderWatch event in KurrentDB: the payload with the Axon fields the engine
 * needs back. They travel in the data rather than in the event's metadata because the atomic
 * multi-stream append of KurrentDB 25.1 turns metadata into properties, and the data is the one
 * part every append and read path keeps byte for byte.
 *
 * @param id            BorderWatch's event id (the sender's id for gate reports), the Axon message id
 * @param aggregateType Axon's aggregate type, e.g. {@code Gate}
 * @param sequence      the aggregate's sequence number, equal to the stream revision for events
 */
record Envelope(String id, String aggregateType, long sequence, Instant timestamp, Map<String, Object> metadata,
                JsonNode payload) {
}
