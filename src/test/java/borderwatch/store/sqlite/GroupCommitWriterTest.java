package borderwatch.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever fails around the jobs of a group, every caller in it hears so, and the writer goes on. */
class GroupCommitWriterTest {

    private static final int GROUP = 5;

    @TempDir
    Path dir;
    private Connection connection;
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("w.db"));
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE t (v INTEGER PRIMARY KEY)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        callers.shutdownNow();
        connection.close();
    }

    /** Plain SQL, except that the {@code nth} statement starting with {@code prefix} throws. */
    private static GroupCommitWriter.Transactions failingOn(String prefix, int nth) {
        AtomicInteger seen = new AtomicInteger();
        return (c, sql) -> {
            if (sql.startsWith(prefix) && seen.incrementAndGet() == nth) {
                throw new SQLException("injected failure of " + sql);
            }
            GroupCommitWriter.Transactions.PLAIN.execute(c, sql);
        };
    }

    private static GroupCommitWriter.Job insert(int v) {
        return c -> {
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO t VALUES (" + v + ")");
            }
        };
    }

    /**
     * Holds the writer in a first job until {@link #GROUP} more appends are queued behind it, so they
     * share the second commit; returns each one's outcome (null when it went through).
     */
    private List<Throwable> secondGroup(GroupCommitWriter writer, List<GroupCommitWriter.Job> jobs) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> writer.execute(c -> {
            holding.countDown();
            await(release);
        }), callers);
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Throwable>> outcomes = new ArrayList<>();
        for (GroupCommitWriter.Job job : jobs) {
            outcomes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    writer.execute(job);
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }, callers));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (queued(writer) < jobs.size() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        List<Throwable> results = new ArrayList<>();
        for (CompletableFuture<Throwable> o : outcomes) {
            results.add(o.get(10, TimeUnit.SECONDS));
        }
        return results;
    }

    private static int queued(GroupCommitWriter writer) throws Exception {
        var field = GroupCommitWriter.class.getDeclaredField("queue");
        field.setAccessible(true);
        return ((java.util.Collection<?>) field.get(writer)).size();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int rows() throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private List<GroupCommitWriter.Job> inserts(int from) {
        List<GroupCommitWriter.Job> jobs = new ArrayList<>();
        for (int i = 0; i < GROUP; i++) {
            jobs.add(insert(from + i));
        }
        return jobs;
    }

    private void assertEveryCallerFailedAndTheWriterGoesOn(GroupCommitWriter writer, List<Throwable> outcomes,
                                                           int rowsBefore) throws Exception {
        assertThat(outcomes).hasSize(GROUP).allSatisfy(t -> assertThat(t).isInstanceOf(IllegalStateException.class));
        writer.execute(insert(1_000));
        assertThat(rows()).isEqualTo(rowsBefore + 1);
    }

    private void injected(String prefix, int nth) throws Exception {
        try (GroupCommitWriter writer = new GroupCommitWriter(connection, c -> { }, failingOn(prefix, nth))) {
            List<Throwable> outcomes = secondGroup(writer, inserts(1));
            assertEveryCallerFailedAndTheWriterGoesOn(writer, outcomes, 0);
        }
    }

    @Test
    void aFailedBeginFailsTheWholeGroup() throws Exception {
        injected("BEGIN", 2);
    }

    @Test
    void aFailedSavepointFailsTheWholeGroupIncludingJobsAlreadyReleased() throws Exception {
        // The first group has one savepoint; the second group's third job is refused its own.
        injected("SAVEPOINT", 1 + 3);
    }

    @Test
    void aFailedCommitFailsTheWholeGroup() throws Exception {
        injected("COMMIT", 2);
    }

    @Test
    void aFailedRollbackToFailsTheWholeGroup() throws Exception {
        try (GroupCommitWriter writer = new GroupCommitWriter(connection, c -> { }, failingOn("ROLLBACK TO", 1))) {
            List<GroupCommitWriter.Job> jobs = inserts(1);
            jobs.set(2, c -> {
                throw new SQLException("this job fails on its own");
            });
            List<Throwable> outcomes = secondGroup(writer, jobs);
            assertEveryCallerFailedAndTheWriterGoesOn(writer, outcomes, 0);
        }
    }

    @Test
    void aFailedStepAfterTheCommitFailsTheWholeGroupThoughItsRowsAreKept() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        Consumer<Connection> after = c -> {
            if (commits.incrementAndGet() == 2) {
                throw new IllegalStateException("injected failure after the commit");
            }
        };
        try (GroupCommitWriter writer = new GroupCommitWriter(connection, after)) {
            List<Throwable> outcomes = secondGroup(writer, inserts(1));
            assertThat(outcomes).allSatisfy(t -> assertThat(t).hasMessageContaining("committed"));
            assertEveryCallerFailedAndTheWriterGoesOn(writer, outcomes, GROUP);
        }
    }

    @Test
    void oneFailingJobRollsBackAloneAsBefore() throws Exception {
        try (GroupCommitWriter writer = new GroupCommitWriter(connection, c -> { })) {
            List<GroupCommitWriter.Job> jobs = inserts(1);
            jobs.set(2, insert(1));
            List<Throwable> outcomes = secondGroup(writer, jobs);
            assertThat(outcomes.stream().filter(t -> t != null)).hasSize(1);
            assertThat(rows()).isEqualTo(GROUP - 1);
        }
    }

    @Test
    void aWriterThatDiedRefusesAppendsInsteadOfHanging() throws Exception {
        GroupCommitWriter writer = new GroupCommitWriter(connection, c -> { });
        assertThatThrownBy(() -> writer.execute(c -> {
            throw new OutOfMemoryError("injected");
        })).isInstanceOf(IllegalStateException.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (writer.alive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(writer.alive()).isFalse();
        assertThatThrownBy(() -> writer.execute(insert(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped");
        writer.close();
    }
}
