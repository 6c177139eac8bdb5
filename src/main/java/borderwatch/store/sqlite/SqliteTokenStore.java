package borderwatch.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * Processor positions in the same file as the events. The embedded store is owned by one process
 * (a file lock guarantees it), so claims left behind by a killed process are simply taken over at
 * start; within the process a segment is held by one owner at a time.
 */
public final class SqliteTokenStore implements TokenStore {

    private final SqliteFile file;
    private final Serializer serializer;
    private final String owner;

    public SqliteTokenStore(SqliteFile file, Serializer serializer, String owner) {
        this.file = file;
        this.serializer = serializer;
        this.owner = owner;
        file.write(c -> {
            try (Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE IF NOT EXISTS tokens (
                      processor  TEXT    NOT NULL,
                      segment    INTEGER NOT NULL,
                      token      BLOB,
                      token_type TEXT,
                      owner      TEXT,
                      PRIMARY KEY (processor, segment))""");
            st.execute("UPDATE tokens SET owner = NULL");
            }
        });
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount,
                                        TrackingToken initialToken) {
        file.write(c -> {
            if (!segmentsOf(c, processorName).isEmpty()) {
                throw new UnableToClaimTokenException("segments of " + processorName + " already exist");
            }
            for (int segment = 0; segment < segmentCount; segment++) {
                upsert(c, processorName, segment, initialToken, null);
            }
        });
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        initializeTokenSegments(processorName, segmentCount, null);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        file.write(c -> {
            String holder = ownerOf(c, processorName, segment);
            if (holder != null && !holder.equals(owner)) {
                throw new UnableToClaimTokenException(processorName + "/" + segment + " is claimed by " + holder);
            }
            upsert(c, processorName, segment, token, owner);
        });
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        TrackingToken[] result = new TrackingToken[1];
        file.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT token, token_type, owner FROM tokens WHERE processor = ? AND segment = ?")) {
                ps.setString(1, processorName);
                ps.setInt(2, segment);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new UnableToClaimTokenException(
                                "no token for " + processorName + "/" + segment + "; initialize segments first");
                    }
                    String holder = rs.getString(3);
                    if (holder != null && !holder.equals(owner)) {
                        throw new UnableToClaimTokenException(processorName + "/" + segment + " is claimed by " + holder);
                    }
                    result[0] = deserialize(rs.getBytes(1), rs.getString(2));
                }
            }
            setOwner(c, processorName, segment, owner);
        });
        return result[0];
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        fetchToken(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        file.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tokens SET owner = NULL WHERE processor = ? AND segment = ? AND owner = ?")) {
                ps.setString(1, processorName);
                ps.setInt(2, segment);
                ps.setString(3, owner);
                ps.executeUpdate();
            }
        });
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        file.write(c -> upsert(c, processorName, segment, token, null));
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        file.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM tokens WHERE processor = ? AND segment = ? AND (owner IS NULL OR owner = ?)")) {
                ps.setString(1, processorName);
                ps.setInt(2, segment);
                ps.setString(3, owner);
                if (ps.executeUpdate() == 0) {
                    throw new UnableToClaimTokenException(processorName + "/" + segment + " is not held by " + owner);
                }
            }
        });
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return true;
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return file.read(c -> segmentsOf(c, processorName).stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return Optional.of(file.path().toAbsolutePath().toString());
    }

    /** Reads a stored position without claiming it (for start-up rebuilds and health). */
    public Optional<TrackingToken> peekToken(String processorName, int segment) {
        return file.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT token, token_type FROM tokens WHERE processor = ? AND segment = ?")) {
                ps.setString(1, processorName);
                ps.setInt(2, segment);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(deserialize(rs.getBytes(1), rs.getString(2)))
                                     : Optional.empty();
                }
            }
        });
    }

    private List<Integer> segmentsOf(Connection c, String processorName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT segment FROM tokens WHERE processor = ? ORDER BY segment")) {
            ps.setString(1, processorName);
            List<Integer> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
            return out;
        }
    }

    private String ownerOf(Connection c, String processorName, int segment) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT owner FROM tokens WHERE processor = ? AND segment = ?")) {
            ps.setString(1, processorName);
            ps.setInt(2, segment);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private void setOwner(Connection c, String processorName, int segment, String newOwner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE tokens SET owner = ? WHERE processor = ? AND segment = ?")) {
            ps.setString(1, newOwner);
            ps.setString(2, processorName);
            ps.setInt(3, segment);
            ps.executeUpdate();
        }
    }

    private void upsert(Connection c, String processorName, int segment, TrackingToken token, String newOwner)
            throws SQLException {
        byte[] data = null;
        String type = null;
        if (token != null) {
            var serialized = serializer.serialize(token, byte[].class);
            data = serialized.getData();
            type = serialized.getType().getName();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO tokens (processor, segment, token, token_type, owner) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (processor, segment) DO UPDATE SET token = excluded.token,"
                        + " token_type = excluded.token_type, owner = excluded.owner")) {
            ps.setString(1, processorName);
            ps.setInt(2, segment);
            ps.setBytes(3, data);
            ps.setString(4, type);
            ps.setString(5, newOwner);
            ps.executeUpdate();
        }
    }

    private TrackingToken deserialize(byte[] data, String type) {
        if (data == null) {
            return null;
        }
        SerializedType serializedType = new SimpleSerializedType(type, null);
        return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class, serializedType));
    }
}
