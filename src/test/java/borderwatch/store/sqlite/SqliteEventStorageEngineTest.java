package borderwatch.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.store.EventStorage;
import borderwatch.store.EventStorageContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteEventStorageEngineTest extends EventStorageContract {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("events.db");
    }

    @Override
    protected EventStorage openFresh() {
        return new SqliteEventStorageEngine(SqliteFile.open(file()), CODEC);
    }

    @Override
    protected EventStorage reopen() {
        return openFresh();
    }

    /**
     * In-process, the closest to kill -9 is to drop the connections without a checkpoint: the
     * WAL stays as it is and the next open must recover from it. The SIGKILL of a real process is
     * exercised by the application-level crash test.
     */
    @Override
    protected void crash() {
        storage.close();
        storage = null;
    }

    @Test
    void aSecondProcessCannotOpenTheSameFile() {
        assertThatThrownBy(() -> SqliteFile.open(file())).hasMessageContaining("in use by another process");
        assertThat(storage.describe()).startsWith("sqlite:");
    }
}
