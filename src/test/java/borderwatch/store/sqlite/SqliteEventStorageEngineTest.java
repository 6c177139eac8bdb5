package borderwatch.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.store.EventStorage;
import borderwatch.store.EventStorageContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteEventStorageEngineTest extends EventStorageContract {

    @TempDir
    Path dir;

    private Path current;

    private Path file() {
        return dir.resolve("events.db");
    }

    @Override
    protected EventStorage openFresh() {
        current = file();
        return new SqliteEventStorageEngine(SqliteFile.open(current), CODEC);
    }

    @Override
    protected EventStorage reopen() {
        return new SqliteEventStorageEngine(SqliteFile.open(current), CODEC);
    }

    /**
     * Copies the database and its write-ahead log as they are on disk while the store is still
     * open — what a kill -9 leaves behind, uncheckpointed WAL included — and points the next open
     * at the copy. The original is then closed only to release its file lock. A real SIGKILL of a
     * running service is exercised by {@code CrashRecoveryTest}.
     */
    @Override
    protected void crash() throws Exception {
        Path crashed = Files.createDirectories(dir.resolve("crashed-" + System.nanoTime()));
        for (String suffix : new String[] {"", "-wal"}) {
            Path source = Path.of(current + suffix);
            if (Files.exists(source)) {
                Files.copy(source, crashed.resolve(current.getFileName() + suffix));
            }
        }
        assertThat(Files.size(crashed.resolve(current.getFileName() + "-wal")))
                .as("the copy carries an uncheckpointed log to recover from").isPositive();
        storage.close();
        storage = null;
        current = crashed.resolve(current.getFileName());
    }

    @Test
    void aSecondProcessCannotOpenTheSameFile() {
        assertThatThrownBy(() -> SqliteFile.open(file())).hasMessageContaining("in use by another process");
        assertThat(storage.describe()).startsWith("sqlite:");
    }
}
