package borderwatch.store.kurrent;

import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.StreamState;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * A value the cluster holds once for every node: the first node to ask writes its candidate to a
 * stream of its own (expecting no stream), and every node, that one included, reads back what stands.
 * Two nodes asking at once both get the value of the one that wrote first.
 */
final class WriteOnce {

    private WriteOnce() {
    }

    static String value(KurrentDBClient client, KurrentReads reads, String stream, String type, String candidate) {
        var written = reads.last(stream);
        if (written.isEmpty()) {
            EventData claim = EventData.builderAsBinary(UUID.nameUUIDFromBytes(stream.getBytes(StandardCharsets.UTF_8)), type,
                    candidate.getBytes(StandardCharsets.UTF_8)).build();
            try {
                KurrentCalls.await(client.appendToStream(stream, AppendToStreamOptions.get().streamState(StreamState.noStream()),
                        claim), "write " + stream);
                return candidate;
            } catch (ConcurrencyException anotherNodeFirst) {
                written = reads.last(stream);
            }
        }
        return new String(written.orElseThrow().getEventData(), StandardCharsets.UTF_8).strip();
    }
}
