package borderwatch.store.sqlite;

import borderwatch.shared.Fatal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SQLite database file in WAL mode, owned by this process (an OS file lock keeps a second
 * process out), with one writer connection and a few reader connections.
 */
public final class SqliteFile implements AutoCloseable {

    private static final int READERS = 4;

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    /** Larger files are checked beside the start, not before it (about a second's reading); tests lower it. */
    static volatile long checkedBeforeOpeningUpTo = 256L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(SqliteFile.class);

    private volatile boolean closed;
    private final Checkpointer checkpointer;
    private final GroupCommitWriter writerThread;
    private final java.util.List<java.util.function.Consumer<Connection>> commitListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private SqliteFile(Path path) throws IOException, SQLException {
        this.path = path;
        Files.createDirectories(path.toAbsolutePath().getParent());
        lockChannel = FileChannel.open(Path.of(path + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = tryLock(lockChannel);
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("the event store " + path + " is in use by another process");
        }
        boolean checkLater;
        try {
            writer = open();
            checkLater = Files.size(path) > checkedBeforeOpeningUpTo;
            if (!checkLater) {
                checkIntegrity(writer, path);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            lock.release();
            lockChannel.close();
            if (e instanceof IllegalStateException damaged) {
                throw damaged;
            }
            throw damaged(path, e.getMessage());
        }
        try (Statement st = writer.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            // FULL makes every commit fsync the WAL: an acknowledged append survives power loss.
            st.execute("PRAGMA synchronous=FULL");
            // Checkpoints run on their own thread (below), so the writer's commits never carry one.
            st.execute("PRAGMA wal_autocheckpoint=0");
            st.execute("PRAGMA journal_size_limit=67108864");
        }
        for (int i = 0; i < READERS; i++) {
            readers.add(open());
        }
        checkpointer = new Checkpointer(open());
        writerThread = new GroupCommitWriter(writer, c -> commitListeners.forEach(l -> l.accept(c)));
        if (checkLater) {
            checkInBackground();
        }
    }

    /**
     * The quick check reads the whole file: seconds for a large store. Past a size it runs beside
     * the start instead of before it, so start time does not grow with history; a damaged file found
     * that way is fatal (the service ends, and says to restore the latest backup), and SQLite refuses
     * any read or write that meets a damaged page meanwhile.
     */
    private void checkInBackground() {
        Thread check = new Thread(() -> {
            try (Connection c = open()) {
                checkIntegrity(c, path);
                LOG.info("integrity check of {} passed", path);
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    IllegalStateException damaged = e instanceof IllegalStateException d ? d : damaged(path, e.getMessage());
                    LOG.error(damaged.getMessage());
                    Fatal.raise(damaged);
                }
            }
        }, "store-integrity-check");
        check.setDaemon(true);
        check.start();
    }

    /**
     * SQLite's quick check at every start: a damaged file is reported before anything reads or
     * writes it, with what to do about it.
     */
    private static void checkIntegrity(Connection c, Path path) throws SQLException {
        try (Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("PRAGMA quick_check(1)")) {
            String verdict = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw damaged(path, verdict);
            }
        }
    }

    private static IllegalStateException damaged(Path path, String detail) {
        return new IllegalStateException("the event store " + path + " is damaged (" + detail + "); stop here and "
                + "restore the latest backup with 'borderwatch restore --from <backup file> --data <dir>'");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null; // held by this very process, which is just as exclusive
        }
    }

    public static SqliteFile open(Path path) {
        try {
            return new SqliteFile(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open event store " + path, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open event store " + path + ": " + e.getMessage(), e);
        }
    }

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout=10000");
            st.execute("PRAGMA cache_size=-65536");
            st.execute("PRAGMA temp_store=MEMORY");
            st.execute("PRAGMA mmap_size=268435456");
        }
        return c;
    }

    public Path path() {
        return path;
    }

    /**
     * Runs {@code job} on the file's single writer thread inside the next group commit and returns
     * once that commit is durable; throws the job's own failure, having rolled back only the job.
     */
    void write(GroupCommitWriter.Job job) {
        writerThread.execute(job);
    }

    /** Copies the whole write-ahead log into the database file now and empties it. */
    void checkpointNow() {
        checkpointer.checkpoint("TRUNCATE");
    }

    /** Called on the writer thread after every commit. */
    void onCommit(java.util.function.Consumer<Connection> listener) {
        commitListeners.add(listener);
    }

    /** Reads on the writer connection, which sees the writer's own committed state at once. */
    <T> T readOnWriter(SqlFunction<Connection, T> work) {
        Object[] out = new Object[1];
        write(c -> out[0] = work.apply(c));
        @SuppressWarnings("unchecked")
        T result = (T) out[0];
        return result;
    }

    public <T> T read(SqlFunction<Connection, T> work) {
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a store connection", e);
        }
        try {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("event store read failed: " + e.getMessage(), e);
        } finally {
            readers.add(c);
        }
    }

    /** A dedicated connection for long scans, so a replay does not starve live readers. */
    Connection openScanConnection() throws SQLException {
        Connection c = open();
        try (Statement st = c.createStatement()) {
            // Address space only: lets a full replay read the file without a system call per page.
            st.execute("PRAGMA mmap_size=0");
        }
        return c;
    }

    @Override
    public void close() {
        closed = true;
        try {
            writerThread.close();
            checkpointer.close();
            for (Connection c : readers) {
                c.close();
            }
            writer.close();
            lock.release();
            lockChannel.close();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("closing event store " + path + " failed", e);
        }
    }

    @FunctionalInterface
    public interface SqlFunction<A, R> {
        R apply(A a) throws SQLException;
    }
}
