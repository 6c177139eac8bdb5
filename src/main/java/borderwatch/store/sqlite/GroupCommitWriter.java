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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only thread that writes the file. Appends waiting at the same moment share one transaction
 * and so one fsync (group commit); each keeps its own savepoint, so one failing append — a
 * duplicate id, a sequence conflict — rolls back alone and the others still commit.
 *
 * <p>Every append handed in completes, one way or the other: whatever fails around the jobs
 * (BEGIN, a savepoint, a rollback, the commit, the step after it) fails every job of that group that
 * has not completed, and the writer goes on with the next group. Should the thread itself die, the
 * appends still queued are failed, new ones are refused, and the store reports itself dead.
 */
final class GroupCommitWriter implements AutoCloseable {

    /** Work done inside the shared transaction; throwing rolls back only this job. */
    @FunctionalInterface
    interface Job {
        void run(Connection connection) throws SQLException;
    }

    /** The SQL around the jobs, separate so that tests can make each statement fail. */
    interface Transactions {
        void execute(Connection connection, String sql) throws SQLException;

        Transactions PLAIN = (connection, sql) -> {
            try (Statement st = connection.createStatement()) {
                st.execute(sql);
            }
        };
    }

    private record Pending(Job job, CompletableFuture<Void> done) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_JOBS_PER_COMMIT = 512;
    /** Far beyond any fsync; a caller gives up only if the writer is wedged, never on a slow disk. */
    static final long MAX_WAIT_SECONDS = 120;
    private final Pending stop = new Pending(c -> { }, new CompletableFuture<>());

    private final Connection connection;
    private final Transactions sql;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final java.util.function.Consumer<Connection> afterCommit;
    private volatile Throwable died;

    GroupCommitWriter(Connection connection, java.util.function.Consumer<Connection> afterCommit) {
        this(connection, afterCommit, Transactions.PLAIN);
    }

    GroupCommitWriter(Connection connection, java.util.function.Consumer<Connection> afterCommit, Transactions sql) {
        this.connection = connection;
        this.afterCommit = afterCommit;
        this.sql = sql;
        this.thread = new Thread(this::run, "event-store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs the job in the next commit and returns once it is durable, or throws its failure. */
    void execute(Job job) {
        // `died` is set before the dying writer fails what is queued, and the thread outlives both for a
        // moment: a job added in that moment is failed here, never left waiting for a writer that is gone.
        if (died != null || !thread.isAlive()) {
            throw new IllegalStateException(died == null ? "the event store is closed"
                    : "the event store's writer has stopped: " + died);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending(job, done));
        if (died != null || !thread.isAlive()) {
            failQueued();
        }
        try {
            done.get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a durable append", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the event store's writer did not answer within " + MAX_WAIT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** False once the writer thread has died of a failure it could not survive. */
    boolean alive() {
        return died == null;
    }

    private void run() {
        try {
            loop();
        } catch (Throwable fatal) {
            died = fatal;
            LOG.error("the event store's writer stopped", fatal);
            failQueued();
            if (fatal instanceof Error e) {
                throw e;
            }
        }
    }

    private void failQueued() {
        IllegalStateException closed = new IllegalStateException("the event store's writer has stopped"
                + (died == null ? "" : ": " + died));
        for (Pending p; (p = queue.poll()) != null; ) {
            p.done.completeExceptionally(closed);
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
            try {
                if (!group.isEmpty()) {
                    commit(group);
                }
            } catch (RuntimeException unexpected) {
                failRemaining(group, unexpected);
            } catch (Error fatal) {
                failRemaining(group, new IllegalStateException("the event store's writer failed: " + fatal, fatal));
                throw fatal;
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
        try {
            sql.execute(connection, "BEGIN IMMEDIATE");
            for (Pending p : group) {
                sql.execute(connection, "SAVEPOINT job");
                try {
                    p.job.run(connection);
                    sql.execute(connection, "RELEASE job");
                    succeeded.add(p);
                } catch (SQLException | RuntimeException e) {
                    sql.execute(connection, "ROLLBACK TO job");
                    sql.execute(connection, "RELEASE job");
                    p.done.completeExceptionally(SqliteErrors.translate(e));
                }
            }
            sql.execute(connection, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            failRemaining(group, new IllegalStateException("event store commit failed: " + e.getMessage(), e));
            return;
        }
        try {
            afterCommit.accept(connection);
        } catch (RuntimeException e) {
            // Committed and durable, but what follows a commit (telling readers) did not happen: the
            // callers hear of it rather than believe everything went through.
            LOG.error("after a commit of {} appends", succeeded.size(), e);
            failRemaining(group, new IllegalStateException("the appends were committed, but the store could not "
                    + "announce them: " + e.getMessage(), e));
            return;
        }
        succeeded.forEach(p -> p.done.complete(null));
    }

    private static void failRemaining(List<Pending> group, RuntimeException failure) {
        group.forEach(p -> p.done.completeExceptionally(failure));
    }

    private void rollbackQuietly() {
        try {
            sql.execute(connection, "ROLLBACK");
        } catch (SQLException | RuntimeException ignored) {
            // Nothing was begun, or SQLite already rolled back after the failure.
        }
    }

    @Override
    public void close() {
        if (thread.isAlive()) {
            queue.add(stop);
            try {
                stop.done.get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("the event store's writer did not stop cleanly", e);
            }
        }
    }
}
