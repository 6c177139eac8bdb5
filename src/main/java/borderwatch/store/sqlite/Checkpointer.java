package borderwatch.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the write-ahead log back into the database file in the background. PASSIVE checkpoints
 * never block the writer; a TRUNCATE at close leaves a compact file behind.
 */
final class Checkpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    private static final long INTERVAL_MS = 1_000;

    private final Connection connection;
    private final Thread thread;
    private volatile boolean running = true;

    Checkpointer(Connection connection) {
        this.connection = connection;
        this.thread = new Thread(this::loop, "event-store-checkpointer");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(INTERVAL_MS);
                checkpoint("PASSIVE");
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    synchronized void checkpoint(String mode) {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(" + mode + ")");
        } catch (SQLException e) {
            // A busy database just means the next round catches up.
            LOG.debug("checkpoint {} skipped: {}", mode, e.getMessage());
        }
    }

    @Override
    public void close() throws SQLException {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpoint("TRUNCATE");
        connection.close();
    }
}
