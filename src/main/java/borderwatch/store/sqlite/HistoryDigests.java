package borderwatch.store.sqlite;

import borderwatch.store.HistoryProof;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The store's identity and running digests of its history. The identity is a random id made with
 * the store and replaced by every restore; the digest at a position chains SHA-256 over each
 * event's position, id, type name and payload up to it. A digest once computed is kept in
 * {@code history_digests}, so the next one starts from it: events at or below a position never
 * change in an append-only store, and a restored file carries only the digests of its own past.
 */
final class HistoryDigests {

    private final SqliteFile file;
    private final String storeId;

    HistoryDigests(SqliteFile file) {
        this.file = file;
        file.write(HistoryDigests::createSchema);
        this.storeId = file.read(HistoryDigests::readId);
    }

    static void createSchema(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS store_identity (id TEXT NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS history_digests (position INTEGER PRIMARY KEY, digest BLOB NOT NULL)");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM store_identity")) {
                if (rs.next() && rs.getLong(1) == 0) {
                    newIdentity(c);
                }
            }
        }
    }

    /** Gives the store in {@code c} a new identity: a restored copy is another store than the one backed up. */
    static void newIdentity(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS store_identity (id TEXT NOT NULL)");
            st.execute("DELETE FROM store_identity");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO store_identity (id) VALUES (?)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.executeUpdate();
        }
    }

    private static String readId(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM store_identity")) {
            if (!rs.next()) {
                throw new IllegalStateException("the store has no identity");
            }
            return rs.getString(1);
        }
    }

    String storeId() {
        return storeId;
    }

    /** The proof at {@code position}, empty when the store holds no event there. */
    Optional<HistoryProof> proofAt(long position, long head) {
        if (position <= 0 || position > head) {
            return Optional.empty();
        }
        long[] from = {0};
        byte[][] digest = {new byte[32]};
        byte[] computed = file.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT position, digest FROM history_digests WHERE position <= ? ORDER BY position DESC LIMIT 1")) {
                ps.setLong(1, position);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        from[0] = rs.getLong(1);
                        digest[0] = rs.getBytes(2);
                    }
                }
            }
            return from[0] == position ? digest[0] : chain(c, digest[0], from[0], position);
        });
        if (computed == null) {
            return Optional.empty();
        }
        if (from[0] != position) {
            file.write(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT OR IGNORE INTO history_digests (position, digest) VALUES (?, ?)")) {
                    ps.setLong(1, position);
                    ps.setBytes(2, computed);
                    ps.executeUpdate();
                }
            });
        }
        return Optional.of(new HistoryProof(storeId, position, HexFormat.of().formatHex(computed)));
    }

    /** The digest at {@code to}, chained on from {@code start} at {@code from}; null when {@code to} holds no event. */
    private static byte[] chain(Connection c, byte[] start, long from, long to) throws SQLException {
        MessageDigest sha = sha256();
        byte[] digest = start;
        long last = from;
        ByteBuffer position = ByteBuffer.allocate(Long.BYTES);
        try (PreparedStatement ps = c.prepareStatement("SELECT e.position, e.event_id, t.name, e.payload FROM events e "
                + "JOIN event_types t ON t.id = e.type_id WHERE e.position > ? AND e.position <= ? ORDER BY e.position")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last = rs.getLong(1);
                    sha.update(digest);
                    sha.update(position.clear().putLong(last).array());
                    sha.update(rs.getString(2).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(rs.getString(3).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(rs.getBytes(4));
                    digest = sha.digest();
                }
            }
        }
        return last == to ? digest : null;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
