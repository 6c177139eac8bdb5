package borderwatch.store.sqlite;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Backup and restore of the embedded store. A backup is SQLite's {@code VACUUM INTO}: one read
 * transaction, so it is a consistent snapshot even while the service keeps writing (WAL readers do
 * not block the writer), compacted, and checked before it is reported done. A restore checks the
 * backup, refuses while a service holds the store, keeps the store it replaces, and gives the
 * restored store a new identity, so no read-model checkpoint of the replaced one is trusted on it.
 */
public final class StoreBackup {

    /** What a backup or restore checked: the events in the copy. */
    public record Checked(Path file, long events) {
    }

    /** Beside the store: when the last checked backup was made, which a running node reports as a metric. */
    static final String STAMP = "last-backup.json";
    private static final ObjectMapper STAMP_JSON = new ObjectMapper();

    private StoreBackup() {
    }

    /** When the last checked backup of the store in {@code dir} was made, if one was. */
    public static Optional<Instant> lastSuccess(Path dir) {
        Path stamp = dir.resolve(STAMP);
        try {
            if (!Files.exists(stamp)) {
                return Optional.empty();
            }
            var node = STAMP_JSON.readTree(stamp.toFile());
            return Optional.of(Instant.parse(node.path("at").asText()));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void recordSuccess(Path dir, Checked checked) throws IOException {
        var stamp = Map.of("at", Instant.now().toString(), "file",
                checked.file().toAbsolutePath().toString(), "events", checked.events());
        Path temp = dir.resolve(STAMP + ".tmp");
        Files.write(temp, STAMP_JSON.writeValueAsBytes(stamp));
        Files.move(temp, dir.resolve(STAMP), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    public static Checked backup(Path store, Path out) {
        if (!Files.exists(store)) {
            throw new IllegalArgumentException("no event store at " + store);
        }
        if (Files.exists(out)) {
            throw new IllegalArgumentException(out + " exists already; a backup never overwrites a file");
        }
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.toAbsolutePath())) {
                // Closed before the copy starts: SQLite will not vacuum while a statement is open.
                try (Statement pragma = c.createStatement()) {
                    pragma.execute("PRAGMA busy_timeout=10000");
                }
                try (PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
                    vacuum.setString(1, out.toAbsolutePath().toString());
                    vacuum.execute();
                }
            }
            Checked checked = check(out);
            try {
                recordSuccess(store.toAbsolutePath().getParent(), checked);
            } catch (IOException e) {
                // The copy is good; only the node's backup metric will not know of it.
                System.err.println("backup " + out + " written and checked, but its time could not be recorded beside "
                        + "the store: " + e.getMessage());
            }
            return checked;
        } catch (SQLException e) {
            throw new IllegalStateException("backup of " + store + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("backup of " + store + " failed", e);
        }
    }

    /** A backup file that SQLite finds intact and that holds a BorderWatch event table. */
    public static Checked check(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no backup file at " + file);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check(1)")) {
                String verdict = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw new IllegalStateException(file + " is damaged: " + verdict);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM events")) {
                rs.next();
                return new Checked(file, rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(file + " is not a BorderWatch store: " + e.getMessage(), e);
        }
    }

    /**
     * Puts a checked backup in place as {@code store}. The store must not be in use; an existing
     * store is kept beside it as {@code <name>.replaced-<millis>}.
     */
    public static Checked restore(Path backup, Path store) {
        Checked checked = check(backup);
        try {
            Files.createDirectories(store.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(Path.of(store + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    throw new IllegalStateException("the event store " + store + " is in use; stop the service first");
                }
                if (Files.exists(store)) {
                    Files.move(store, Path.of(store + ".replaced-" + System.currentTimeMillis()));
                }
                Files.deleteIfExists(Path.of(store + "-wal"));
                Files.deleteIfExists(Path.of(store + "-shm"));
                Path incoming = Path.of(store + ".restoring");
                Files.copy(backup, incoming, StandardCopyOption.REPLACE_EXISTING);
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + incoming.toAbsolutePath())) {
                    // A restored store is another store: nothing folded from the one it replaces may be trusted on it.
                    HistoryDigests.newIdentity(c);
                } catch (SQLException e) {
                    throw new IllegalStateException("restore into " + store + " failed: " + e.getMessage(), e);
                }
                Files.move(incoming, store, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Checked(store, checked.events());
        } catch (IOException e) {
            throw new UncheckedIOException("restore into " + store + " failed", e);
        }
    }
}
