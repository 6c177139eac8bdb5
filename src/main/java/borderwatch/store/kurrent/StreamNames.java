package borderwatch.store.kurrent;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * How BorderWatch's streams are named in KurrentDB. An Axon storage engine is handed only an
 * aggregate's id, so the name comes from the id alone: gate {@code tan-thanh} is
 * {@code bw-tan-thanh}, the plan of 2025 ({@code plan-2025}) is {@code bw-plan-2025}; their
 * snapshots live in {@code bw-snapshot-…}. Streams without the prefix (other applications) and
 * system streams ({@code $…}) are not ours and are skipped when reading {@code $all}. Event ids
 * become name-based UUIDs, so the same event sent twice has the same id and the server's
 * idempotency recognises it. Another prefix keeps a second BorderWatch data set apart on the same
 * cluster (the contract suite uses one per run).
 */
public final class StreamNames {

    public static final StreamNames BORDERWATCH = new StreamNames("bw-");

    private final String prefix;
    private final String snapshots;

    public StreamNames(String prefix) {
        if (!prefix.matches("[a-z0-9]+-")) {
            throw new IllegalArgumentException("a stream prefix is lower-case letters and digits ending in '-': " + prefix);
        }
        this.prefix = prefix;
        this.snapshots = prefix + "snapshot-";
    }

    public String prefix() {
        return prefix;
    }

    public String ofAggregate(String aggregateId) {
        if (aggregateId == null || aggregateId.isBlank()) {
            throw new IllegalArgumentException("an aggregate needs an id to have a stream");
        }
        return prefix + aggregateId;
    }

    public String snapshotsOf(String aggregateId) {
        return snapshots + aggregateId;
    }

    /** An event stream of ours: prefixed, not a snapshot stream, not a system stream. */
    public boolean isEventStream(String streamName) {
        return streamName.startsWith(prefix) && !streamName.startsWith(snapshots);
    }

    /** The aggregate id back from an event stream's name. */
    public String aggregateIdOf(String streamName) {
        if (!isEventStream(streamName)) {
            throw new IllegalArgumentException(streamName + " is not a BorderWatch event stream");
        }
        return streamName.substring(prefix.length());
    }

    public static UUID eventId(String borderwatchEventId) {
        return UUID.nameUUIDFromBytes(("borderwatch:" + borderwatchEventId).getBytes(StandardCharsets.UTF_8));
    }
}
