package borderwatch.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.province.Direction;
import borderwatch.province.Province;
import borderwatch.service.ReadModels;
import borderwatch.shared.Fatal;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A large store is checked beside the start; damage found that way is fatal, not ignored. */
class BackgroundCheckTest {

    @TempDir
    Path data;

    @AfterEach
    void restore() {
        SqliteFile.checkedBeforeOpeningUpTo = 256L << 20;
        Fatal.onFatal(t -> { });
    }

    @Test
    void damageFoundAfterTheStartIsFatal() throws Exception {
        try (Core core = Core.open(data, Province.defaults(), ReadModels.ALL)) {
            List<GateReport> events = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                events.add(new VehiclesCleared("d-" + i, "huu-nghi", Direction.EXPORT, 1, Instant.parse("2025-05-14T01:00:00Z")));
            }
            core.commands().sendAndWait(new RecordGateEvents(events));
            ((SqliteEventStorageEngine) core.storage()).checkpoint();
        }
        Path db = data.resolve(Core.STORE_FILE);
        SqliteFile.checkedBeforeOpeningUpTo = 0; // as if the file were large
        CompletableFuture<Throwable> fatal = new CompletableFuture<>();
        Fatal.onFatal(fatal::complete);
        try (SqliteFile healthy = SqliteFile.open(db)) {
            assertThat(fatal).as("a sound file passes its check").isNotDone();
            Thread.sleep(1_000);
            assertThat(fatal).isNotDone();
        }
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            for (long page = 2; page * 4096 < f.length() - 4096; page += 3) {
                f.seek(page * 4096 + 16);
                f.write(new byte[512]);
            }
        }
        try (SqliteFile damaged = SqliteFile.open(db)) {
            assertThat(fatal.get(10, TimeUnit.SECONDS)).hasMessageContaining("is damaged").hasMessageContaining("restore");
        }
    }
}
