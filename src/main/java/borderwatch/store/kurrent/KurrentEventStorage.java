package borderwatch.store.kurrent;

import borderwatch.store.EventCodec;
import borderwatch.store.EventStorage;
import borderwatch.store.StoredEvent;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBClientSettings;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.StreamMetadata;
import io.kurrent.dbclient.StreamState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * Axon event storage on a KurrentDB (EventStoreDB) server or cluster through the official gRPC
 * client. Each aggregate has its own stream ({@link StreamNames}); a unit of work is appended with
 * each stream's expected revision, atomically across streams with the multi-stream append of
 * KurrentDB 25.1 or later. Processors track {@code $all} with {@link AllPosition} tokens. Snapshots
 * live in their own streams, of which the server keeps the newest few.
 */
public final class KurrentEventStorage implements EventStorage {

    /**
     * The client reports its tracing calls as an OpenTelemetry API usage issue at first use, a
     * warning operators can do nothing about; real problems of that logger stay visible.
     */
    private static final java.util.logging.Logger OTEL_USAGE = java.util.logging.Logger.getLogger("io.opentelemetry.usage");

    static {
        OTEL_USAGE.setLevel(java.util.logging.Level.SEVERE);
    }

    /** How long a reader that may block waits for this node's next append before reading again. */
    private static final long BLOCK_MILLIS = 100;
    private static final long SNAPSHOTS_KEPT = 3;

    private final KurrentDBClient client;
    private final StreamNames names;
    private final String description;
    private final KurrentRecords records;
    private final KurrentReads reads;
    private final KnownIds knownIds;
    private final Set<String> snapshotStreamsLimited = ConcurrentHashMap.newKeySet();
    private final Object appendedSignal = new Object();
    private volatile String storeId;
    /** The full place in {@code $all} of the last position a proof was given for. */
    private volatile AllPosition proven;
    private volatile LongConsumer appendObserver = nanos -> { };
    private volatile boolean closed;

    KurrentEventStorage(KurrentDBClient client, String description, EventCodec codec, StreamNames names) {
        this.client = client;
        this.description = description;
        this.names = names;
        this.records = new KurrentRecords(codec, names);
        this.reads = new KurrentReads(client, names);
        this.knownIds = new KnownIds(() -> reads.backwards().map(e -> known(records.envelope(e))),
                java.time.Clock.systemUTC(), KnownIds.WINDOW);
    }

    /**
     * Connects with a KurrentDB connection string, e.g. {@code kurrentdb://host:2113?tls=false} or
     * {@code kurrentdb+discover://admin:changeit@node1:2113,node2:2113,node3:2113} for a cluster.
     */
    public static KurrentEventStorage connect(String connectionString, EventCodec codec) {
        return connect(connectionString, codec, StreamNames.BORDERWATCH);
    }

    /** Connects with the streams of {@code names}' prefix as the store: one province's on a shared cluster. */
    public static KurrentEventStorage connect(String connectionString, EventCodec codec, StreamNames names) {
        KurrentDBClientSettings settings;
        try {
            settings = KurrentDBConnectionString.parseOrThrow(connectionString);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a usable KurrentDB connection string: "
                    + withoutCredentials(connectionString) + " (" + e.getMessage() + ")", e);
        }
        KurrentDBClient client = KurrentDBClient.create(settings);
        return new KurrentEventStorage(client, "KurrentDB " + withoutCredentials(connectionString), codec, names);
    }

    public static String withoutCredentials(String connectionString) {
        return borderwatch.store.StoreLocation.Kurrent.withoutCredentials(connectionString);
    }

    @Override
    public void onAppend(LongConsumer observer) {
        appendObserver = observer;
    }

    // ---- appends ------------------------------------------------------------------------------

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        AppendPlan plan = AppendPlan.of(events, records, knownIds);
        if (plan.streams().size() == 1) {
            AppendPlan.StreamAppend only = plan.streams().get(0);
            KurrentCalls.await(client.appendToStream(only.stream(),
                    AppendToStreamOptions.get().streamState(only.expected()), only.events().iterator()),
                    "append to " + only.stream());
        } else {
            try {
                KurrentCalls.await(client.multiStreamAppend(
                        plan.streams().stream().map(AppendPlan.StreamAppend::request).iterator()),
                        "append atomically to " + plan.streams().size() + " streams");
            } catch (EventStoreException e) {
                if (e.getCause() instanceof UnsupportedOperationException) {
                    throw new EventStoreException("this KurrentDB server cannot append to several streams at once "
                            + "(multi-stream append needs KurrentDB 25.1 or later)", e);
                }
                throw e;
            }
        }
        knownIds.addAll(plan.ids());
        synchronized (appendedSignal) {
            appendedSignal.notifyAll();
        }
        appendObserver.accept(System.nanoTime() - started);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        String stream = names.snapshotsOf(snapshot.getAggregateIdentifier());
        if (snapshotStreamsLimited.add(stream)) {
            StreamMetadata metadata = new StreamMetadata();
            metadata.setMaxCount(SNAPSHOTS_KEPT);
            KurrentCalls.await(client.setStreamMetadata(stream, metadata), "limit snapshots of " + stream);
        }
        KurrentCalls.await(client.appendToStream(stream, AppendToStreamOptions.get().streamState(StreamState.any()),
                records.encode(snapshot)), "store a snapshot in " + stream);
    }

    // ---- tracking reads -----------------------------------------------------------------------

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        if (closed) {
            return Stream.empty();
        }
        AllPosition after = positionOf(trackingToken);
        java.util.Iterator<RecordedEvent> events = reads.forwards(after).iterator();
        if (mayBlock && !events.hasNext()) {
            // Wakes early for this node's own appends; another node's appear at the next read.
            synchronized (appendedSignal) {
                try {
                    appendedSignal.wait(BLOCK_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            events = reads.forwards(after).iterator();
        }
        return java.util.stream.StreamSupport.stream(
                java.util.Spliterators.spliteratorUnknownSize(events, java.util.Spliterator.ORDERED), false).map(e -> {
                    TrackedEventMessage<?> m = records.tracked(e);
                    knownIds.add(m.getIdentifier(), m.getTimestamp());
                    return m;
                });
    }

    private static AllPosition positionOf(TrackingToken token) {
        if (token == null || token instanceof AllPosition) {
            return (AllPosition) token;
        }
        throw new IllegalArgumentException("a KurrentDB store tracks $all positions, not " + token);
    }

    // ---- aggregate reads ----------------------------------------------------------------------

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        List<DomainEventMessage<?>> events = reads.stream(names.ofAggregate(aggregateIdentifier),
                        Math.max(0, firstSequenceNumber))
                .<DomainEventMessage<?>>map(records::domain)
                .peek(m -> knownIds.add(m.getIdentifier(), m.getTimestamp()))
                .toList();
        Long last = events.isEmpty() ? null : events.get(events.size() - 1).getSequenceNumber();
        return DomainEventStream.of(events.stream(), () -> last);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return reads.last(names.snapshotsOf(aggregateIdentifier))
                .map(e -> records.snapshot(aggregateIdentifier, e));
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return reads.last(names.ofAggregate(aggregateIdentifier)).map(RecordedEvent::getRevision);
    }

    // ---- tokens -------------------------------------------------------------------------------

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        try (Stream<RecordedEvent> newest = reads.backwards()) {
            return newest.findFirst().map(e -> AllPosition.of(e.getPosition())).orElse(null);
        }
    }

    /** The token just before the first event recorded at or after {@code dateTime}. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        AllPosition before = null;
        try (Stream<RecordedEvent> all = reads.forwards(null)) {
            for (RecordedEvent e : (Iterable<RecordedEvent>) all::iterator) {
                if (!records.envelope(e).timestamp().isBefore(dateTime)) {
                    return before;
                }
                before = AllPosition.of(e.getPosition());
            }
        }
        return createHeadToken();
    }

    // ---- BorderWatch extras -------------------------------------------------------------------

    @Override
    public Set<String> existingIds(Collection<String> eventIds) {
        return knownIds.existing(eventIds);
    }

    @Override
    public long headPosition() {
        TrackingToken head = createHeadToken();
        return head == null ? 0 : head.position().orElseThrow();
    }

    /**
     * What vouches for a read model folded up to {@code position}: this data set's identity (a stream
     * written once, {@code borderwatch-store-<prefix>}, so another cluster or another province's
     * streams never match) and the id of the event at that position. KurrentDB's log is append-only:
     * the same event at the same place means the same history before it, and a cluster restored from
     * an older backup no longer holds it there. The event is found reading back from the head, which
     * for a checkpoint of a recent stop reads only what the start folds anyway; its full place is kept
     * so the fold that follows starts there instead of at the beginning.
     */
    @Override
    public Optional<borderwatch.store.HistoryProof> proofAt(long position) {
        if (position <= 0) {
            return Optional.empty();
        }
        try (Stream<RecordedEvent> newest = reads.backwards()) {
            Optional<RecordedEvent> at = newest.dropWhile(e -> e.getPosition().getPrepareUnsigned() > position).findFirst()
                    .filter(e -> e.getPosition().getPrepareUnsigned() == position);
            if (at.isEmpty()) {
                return Optional.empty();
            }
            AllPosition place = AllPosition.of(at.get().getPosition());
            proven = place;
            return Optional.of(new borderwatch.store.HistoryProof(storeId(), position,
                    at.get().getEventId() + "@" + place.commit()));
        }
    }

    /** This data set's identity: made by the first node that asks, kept in a stream of its own. */
    private String storeId() {
        String known = storeId;
        if (known != null) {
            return known;
        }
        storeId = WriteOnce.value(client, reads, "borderwatch-store-" + names.prefix(), "borderwatch.store-id.v1",
                UUID.randomUUID().toString());
        return storeId;
    }

    @Override
    public void scan(long afterPosition, long upToPosition, Consumer<StoredEvent> consumer) {
        // From a proven checkpoint the fold starts at its place; otherwise at the beginning.
        AllPosition from = proven != null && proven.prepare() == afterPosition ? proven : null;
        try (Stream<RecordedEvent> all = reads.forwards(from)) {
            for (RecordedEvent e : (Iterable<RecordedEvent>) all::iterator) {
                long position = e.getPosition().getPrepareUnsigned();
                if (position > upToPosition) {
                    break;
                }
                if (position > afterPosition) {
                    Envelope envelope = records.envelope(e);
                    if (afterPosition == 0) {
                        knownIds.add(envelope.id(), envelope.timestamp());
                    }
                    consumer.accept(new StoredEvent(position, e.getEventType(), records.payload(e, envelope)));
                }
            }
        }
        if (afterPosition == 0) {
            // The fold at start has read every id up to the head; the first duplicate check need not again.
            knownIds.learnedAll();
        }
    }

    private static KnownIds.Known known(Envelope envelope) {
        return new KnownIds.Known(envelope.id(), envelope.timestamp());
    }

    @Override
    public long eventsAfter(long position, long atMost) {
        try (Stream<RecordedEvent> newest = reads.backwards()) {
            return newest.takeWhile(e -> e.getPosition().getPrepareUnsigned() > position).limit(atMost).count();
        }
    }

    @Override
    public long eventCount() {
        try (Stream<RecordedEvent> all = reads.forwards(null)) {
            return all.count();
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            client.shutdown().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // The connection goes with the process anyway; nothing acknowledged depends on it.
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
