package borderwatch.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The only thread that writes the file. Appends waiting at the same moment share one transaction
 * and so one fsync (group commit); each keeps its own savepoint, so one failing append — a
 * duplicate id, a sequence conflict — rolls back alone and the others still commit.
 */
final class GroupCommitWriter implements AutoCloseable {

    /** Work done inside the shared transaction; throwing rolls back only this job. */
    @FunctionalInterface
    interface Job {
        void run(Connection connection) throws SQLException;
    }

    private record Pending(Job job, CompletableFuture<Void> done) {
    }

    private static final int MAX_JOBS_PER_COMMIT = 512;
    private final Pending stop = new Pending(c -> { }, new CompletableFuture<>());

    private final Connection connection;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final java.util.function.Consumer<Connection> afterCommit;

    GroupCommitWriter(Connection connection, java.util.function.Consumer<Connection> afterCommit) {
        this.connection = connection;
        this.afterCommit = afterCommit;
        this.thread = new Thread(this::loop, "event-store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs the job in the next commit and returns once it is durable, or throws its failure. */
    void execute(Job job) {
        if (!thread.isAlive()) {
            throw new IllegalStateException("the event store is closed");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending(job, done));
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a durable append", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void loop() {
        List<Pending> group = new ArrayList<>();
        while (true) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(group, MAX_JOBS_PER_COMMIT - 1);
            boolean stopping = group.remove(stop);
            if (!group.isEmpty()) {
                commit(group);
            }
            group.clear();
            if (stopping) {
                stop.done.complete(null);
                return;
            }
        }
    }

    private void commit(List<Pending> group) {
        List<Pending> succeeded = new ArrayList<>(group.size());
        try (Statement st = connection.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            for (Pending p : group) {
                st.execute("SAVEPOINT job");
                try {
                    p.job.run(connection);
                    st.execute("RELEASE job");
                    succeeded.add(p);
                } catch (SQLException | RuntimeException e) {
                    st.execute("ROLLBACK TO job");
                    st.execute("RELEASE job");
                    p.done.completeExceptionally(SqliteErrors.translate(e));
                }
            }
            st.execute("COMMIT");
        } catch (SQLException e) {
            rollbackQuietly();
            RuntimeException failure = new IllegalStateException("event store commit failed: " + e.getMessage(), e);
            succeeded.forEach(p -> p.done.completeExceptionally(failure));
            return;
        }
        afterCommit.accept(connection);
        succeeded.forEach(p -> p.done.complete(null));
    }

    private void rollbackQuietly() {
        try (Statement st = connection.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // Nothing was begun, or SQLite already rolled back after the failure.
        }
    }

    @Override
    public void close() {
        if (thread.isAlive()) {
            queue.add(stop);
            stop.done.join();
        }
    }
}
