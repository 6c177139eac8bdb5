package borderwatch.store.sqlite;

import borderwatch.store.EventCodec;
import borderwatch.store.EventStorage;
import borderwatch.store.IdentifiedEvent;
import borderwatch.store.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.GenericMessage;

/**
 * Axon event storage on one SQLite file.
 *
 * <p>The global position is SQLite's rowid, assigned by the single writer thread in commit order,
 * so readers never see a gap that could later fill: a plain {@link GlobalSequenceTrackingToken}
 * is exact. An append returns only after its transaction is committed with a synchronous WAL.
 */
public final class SqliteEventStorageEngine implements EventStorage {

    private static final int PAGE = 1_000;
    private static final String COLUMNS =
            "position, event_id, aggregate_type, aggregate_id, seq, type_id, recorded_at, payload, metadata";

    private final SqliteFile file;
    private final EventCodec codec;
    private final StoredTypeIds typeIds;
    private final HistoryDigests digests;
    private final ReentrantLock appendedLock = new ReentrantLock();
    private final Condition appended = appendedLock.newCondition();
    private volatile long head;
    private volatile boolean closed;

    public SqliteEventStorageEngine(SqliteFile file, EventCodec codec) {
        this.file = file;
        this.codec = codec;
        this.typeIds = new StoredTypeIds(file);
        file.write(SqliteEventStorageEngine::createSchema);
        this.digests = new HistoryDigests(file);
        this.head = file.read(c -> queryLong(c, "SELECT COALESCE(MAX(position), 0) FROM events"));
        file.onCommit(this::onCommit);
    }

    private static void createSchema(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE IF NOT EXISTS events (
                      position       INTEGER PRIMARY KEY,
                      event_id       TEXT    NOT NULL,
                      aggregate_type TEXT,
                      aggregate_id   TEXT,
                      seq            INTEGER,
                      type_id        INTEGER NOT NULL,
                      recorded_at    INTEGER NOT NULL,
                      payload        BLOB    NOT NULL,
                      metadata       BLOB)""");
            st.execute("CREATE UNIQUE INDEX IF NOT EXISTS events_event_id ON events(event_id)");
            st.execute("CREATE UNIQUE INDEX IF NOT EXISTS events_aggregate ON events(aggregate_id, seq)");
            // For people reading the file with the sqlite3 shell: names and JSON instead of ids and blobs.
            st.execute("""
                    CREATE VIEW IF NOT EXISTS events_readable AS
                    SELECT e.position, e.event_id, e.aggregate_id, e.seq, t.name AS type,
                           strftime('%Y-%m-%dT%H:%M:%fZ', e.recorded_at / 1000.0, 'unixepoch') AS recorded_at,
                           CAST(e.payload AS TEXT) AS payload
                    FROM events e JOIN event_types t ON t.id = e.type_id""");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS snapshots (
                      aggregate_id   TEXT PRIMARY KEY,
                      aggregate_type TEXT    NOT NULL,
                      seq            INTEGER NOT NULL,
                      event_id       TEXT    NOT NULL,
                      type           TEXT    NOT NULL,
                      recorded_at    INTEGER NOT NULL,
                      payload        BLOB    NOT NULL)""");
        }
    }

    /** Runs on the writer thread, right after a commit. */
    private void onCommit(Connection writer) {
        head = queryLongUnchecked(writer, "SELECT COALESCE(MAX(position), 0) FROM events");
        appendedLock.lock();
        try {
            appended.signalAll();
        } finally {
            appendedLock.unlock();
        }
    }

    // ---- append -------------------------------------------------------------------------------

    private record Row(String eventId, String aggregateType, String aggregateId, Long seq, String type,
                       int typeId, long recordedAt, byte[] payload, byte[] metadata) {
    }

    private volatile java.util.function.LongConsumer appendObserver = nanos -> { };

    @Override
    public void onAppend(java.util.function.LongConsumer observer) {
        this.appendObserver = observer;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        // Encoding happens on the caller's thread so the writer thread only does I/O.
        List<Row> rows = new ArrayList<>(events.size());
        for (EventMessage<?> e : events) {
            rows.add(toRow(e, true));
        }
        file.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO events (event_id, aggregate_type, aggregate_id, seq, type_id, recorded_at, payload, metadata)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Row r : rows) {
                    ps.setString(1, r.eventId);
                    ps.setString(2, r.aggregateType);
                    ps.setString(3, r.aggregateId);
                    if (r.seq == null) {
                        ps.setNull(4, java.sql.Types.INTEGER);
                    } else {
                        ps.setLong(4, r.seq);
                    }
                    ps.setInt(5, r.typeId);
                    ps.setLong(6, r.recordedAt);
                    ps.setBytes(7, r.payload);
                    ps.setBytes(8, r.metadata);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        appendObserver.accept(System.nanoTime() - started);
    }

    /** Snapshots keep their type name in their own table, so only events need a type id. */
    private Row toRow(EventMessage<?> e, boolean isEvent) {
        Object payload = e.getPayload();
        String eventId = payload instanceof IdentifiedEvent identified ? identified.eventId() : e.getIdentifier();
        String aggregateType = null;
        String aggregateId = null;
        Long seq = null;
        if (e instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null) {
            aggregateType = d.getType();
            aggregateId = d.getAggregateIdentifier();
            seq = d.getSequenceNumber();
        }
        String type = codec.typeName(payload);
        return new Row(eventId, aggregateType, aggregateId, seq, type, isEvent ? typeIds.idOf(type) : -1,
                e.getTimestamp().toEpochMilli(), codec.encode(payload), codec.encodeMetadata(e.getMetaData()));
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        Row r = toRow(snapshot, false);
        file.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO snapshots (aggregate_id, aggregate_type, seq, event_id, type, recorded_at, payload)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.aggregateId);
                ps.setString(2, r.aggregateType);
                ps.setLong(3, r.seq);
                ps.setString(4, snapshot.getIdentifier());
                ps.setString(5, r.type);
                ps.setLong(6, r.recordedAt);
                ps.setBytes(7, r.payload);
                ps.executeUpdate();
            }
        });
    }

    // ---- tracking reads -----------------------------------------------------------------------

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        if (closed) {
            // Axon's event producer may poll once more while the application shuts down.
            return Stream.empty();
        }
        long after = positionOf(trackingToken);
        if (mayBlock && head <= after) {
            awaitAppendAfter(after, 100);
        }
        return PagedStream.of(after, this::readPage, TrackedEventMessage::trackingToken,
                token -> ((GlobalSequenceTrackingToken) token).getGlobalIndex());
    }

    private List<TrackedEventMessage<?>> readPage(long after) {
        if (closed) {
            return List.of();
        }
        return file.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM events WHERE position > ? ORDER BY position LIMIT " + PAGE)) {
                ps.setLong(1, after);
                List<TrackedEventMessage<?>> page = new ArrayList<>(PAGE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(toTracked(rs));
                    }
                }
                return page;
            }
        });
    }

    private TrackedEventMessage<?> toTracked(ResultSet rs) throws SQLException {
        long position = rs.getLong(1);
        String eventId = rs.getString(2);
        String aggregateType = rs.getString(3);
        String aggregateId = rs.getString(4);
        long seq = rs.getLong(5);
        String type = typeIds.nameOf(rs.getInt(6));
        Instant recordedAt = Instant.ofEpochMilli(rs.getLong(7));
        Object payload = codec.decode(type, rs.getBytes(8));
        var message = new GenericMessage<>(eventId, payload, codec.decodeMetadata(rs.getBytes(9)));
        TrackingToken token = new GlobalSequenceTrackingToken(position);
        // Every event is stored with its aggregate; non-aggregate events get a null id and seq 0.
        return new GenericTrackedDomainEventMessage<>(token, aggregateType, aggregateId, seq, message, () -> recordedAt);
    }

    /** Waits up to {@code millis} for an append beyond {@code position}; returns whether one came. */
    public boolean awaitAppendAfter(long position, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        appendedLock.lock();
        try {
            while (head <= position) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                appended.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            appendedLock.unlock();
        }
    }

    // ---- aggregate reads ----------------------------------------------------------------------

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        Stream<DomainEventMessage<?>> stream = PagedStream.of(firstSequenceNumber - 1,
                lastSeq -> readAggregatePage(aggregateIdentifier, lastSeq),
                DomainEventMessage::getSequenceNumber, seq -> seq);
        return DomainEventStream.of(stream);
    }

    private List<DomainEventMessage<?>> readAggregatePage(String aggregateId, long afterSeq) {
        return file.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM events WHERE aggregate_id = ? AND seq > ? ORDER BY seq LIMIT " + PAGE)) {
                ps.setString(1, aggregateId);
                ps.setLong(2, afterSeq);
                List<DomainEventMessage<?>> page = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add((DomainEventMessage<?>) toTracked(rs));
                    }
                }
                return page;
            }
        });
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return file.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT aggregate_type, seq, event_id, type, recorded_at, payload FROM snapshots WHERE aggregate_id = ?")) {
                ps.setString(1, aggregateIdentifier);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Object payload = codec.decode(rs.getString(4), rs.getBytes(6));
                    return Optional.of(new GenericDomainEventMessage<>(rs.getString(1), aggregateIdentifier,
                            rs.getLong(2), payload, java.util.Map.of(), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
        });
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return file.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM events WHERE aggregate_id = ?")) {
                ps.setString(1, aggregateIdentifier);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long v = rs.getLong(1);
                    return rs.wasNull() ? Optional.empty() : Optional.of(v);
                }
            }
        });
    }

    // ---- tokens -------------------------------------------------------------------------------

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        long h = headPosition();
        return h == 0 ? null : new GlobalSequenceTrackingToken(h);
    }

    /** The token just before the first event recorded at or after {@code dateTime}. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long first = file.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MIN(position) FROM events WHERE recorded_at >= ?")) {
                ps.setLong(1, dateTime.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long v = rs.getLong(1);
                    return rs.wasNull() ? -1L : v;
                }
            }
        });
        if (first < 0) {
            return createHeadToken();
        }
        return first <= 1 ? null : new GlobalSequenceTrackingToken(first - 1);
    }

    private static long positionOf(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        if (token instanceof GlobalSequenceTrackingToken g) {
            return g.getGlobalIndex();
        }
        return token.position().orElseThrow(
                () -> new IllegalArgumentException("unsupported tracking token " + token));
    }

    // ---- BorderWatch extras -------------------------------------------------------------------

    @Override
    public Set<String> existingIds(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        List<String> ids = List.copyOf(eventIds);
        Set<String> found = new HashSet<>();
        int chunk = 500; // well under SQLite's bound-parameter limit
        for (int from = 0; from < ids.size(); from += chunk) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + chunk));
            found.addAll(file.read(c -> {
                String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT event_id FROM events WHERE event_id IN (" + marks + ")")) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setString(i + 1, part.get(i));
                    }
                    Set<String> out = new HashSet<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                    return out;
                }
            }));
        }
        return found;
    }

    @Override
    public Optional<borderwatch.store.HistoryProof> proofAt(long position) {
        return digests.proofAt(position, head);
    }

    @Override
    public long headPosition() {
        return head;
    }

    @Override
    public void scan(long afterPosition, long upToPosition, Consumer<StoredEvent> consumer) {
        ScanPipeline.run(file, codec, typeIds::nameOf, afterPosition, upToPosition, consumer);
    }

    /**
     * Folds the write-ahead log into the database file, as the background checkpointer does within
     * a second of ingest pausing; benchmarks call it to measure reads in that steady state.
     */
    public void checkpoint() {
        file.checkpointNow();
    }

    @Override
    public String describe() {
        return "sqlite:" + file.path().toAbsolutePath().normalize();
    }

    @Override
    public void close() {
        closed = true;
        file.close();
    }

    private static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long queryLongUnchecked(Connection c, String sql) {
        try {
            return queryLong(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
