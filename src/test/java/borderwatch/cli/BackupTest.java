package borderwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.core.Core;
import borderwatch.gate.GateEvent;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.province.Direction;
import borderwatch.province.Province;
import borderwatch.service.ReadModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code backup} while the service runs and writes, {@code restore}, and the store's check at start. */
class BackupTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run cli(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new ServeCommands()).execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private static String batch(int b, Instant at) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add("{\"id\":\"bk-" + b + "-" + i + "\",\"type\":\"VehiclesCleared\",\"gate\":\"chi-ma\",\"at\":\""
                    + at.plusSeconds(i) + "\",\"direction\":\"IMPORT\",\"vehicles\":2}");
        }
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    @Test
    void aBackupTakenWhileTheServiceWritesIsConsistentAndRestores() throws Exception {
        Path data = dir.resolve("live");
        Path file = dir.resolve("backups/borderwatch-1.db");
        int port = ServiceProcess.freePort();
        HttpClient http = HttpClient.newHttpClient();
        Instant at = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger batches = new AtomicInteger();
        try (ServiceProcess service = ServiceProcess.start(data, port, 0)) {
            Thread writer = new Thread(() -> {
                while (writing.get()) {
                    try {
                        int b = batches.get();
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                        + "/api/v1/events")).header("content-type", "application/json")
                                .header("Authorization", "Bearer " + ServiceProcess.TOKEN)
                                .POST(HttpRequest.BodyPublishers.ofString(batch(b, at))).build(), HttpResponse.BodyHandlers.ofString());
                        assertThat(r.statusCode()).isEqualTo(200);
                        batches.incrementAndGet();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            writer.start();
            while (batches.get() < 5) {
                Thread.sleep(5);
            }
            Run backup = cli("backup", "--data", data.toString(), "--out", file.toString());
            assertThat(backup.exit()).as(backup.err()).isZero();
            assertThat(backup.out()).contains("checked intact");
            Run again = cli("backup", "--data", data.toString(), "--out", file.toString());
            assertThat(again.exit()).as("never overwrites").isNotZero();
            Run inUse = cli("restore", "--data", data.toString(), "--from", file.toString());
            assertThat(inUse.exit()).as("restore refuses a store in use").isNotZero();
            while (batches.get() < 10) {
                Thread.sleep(5);
            }
            writing.set(false);
            writer.join();
        }

        Path restored = dir.resolve("restored");
        Run restore = cli("restore", "--data", restored.toString(), "--from", file.toString());
        assertThat(restore.exit()).as(restore.err()).isZero();
        try (Core copy = Core.open(restored, Province.defaults(), ReadModels.ALL); Core source = Core.open(data, Province.defaults(), ReadModels.ALL)) {
            long n = copy.storage().headPosition();
            assertThat(n).as("whole batches only, and not the later ones").isPositive().isLessThan(source.storage().headPosition());
            assertThat(n % 100).as("a batch is in the backup whole or not at all").isZero();
            List<String> copied = new ArrayList<>();
            copy.storage().scan(0, n, e -> copied.add(((GateEvent) e.payload()).eventId()));
            List<String> original = new ArrayList<>();
            source.storage().scan(0, n, e -> original.add(((GateEvent) e.payload()).eventId()));
            assertThat(copied).isEqualTo(original);
            assertThat(copy.awaitProjected(n, 10_000)).isTrue();
        }
        assertThat(Files.list(restored).map(p -> p.getFileName().toString())).contains("borderwatch.db");
    }

    @Test
    void aDamagedStoreStopsTheStartWithWhatToDo() throws Exception {
        Path data = dir.resolve("damaged");
        try (Core core = Core.open(data, Province.defaults(), ReadModels.ALL)) {
            List<GateReport> events = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                events.add(new VehiclesCleared("d-" + i, "huu-nghi", Direction.EXPORT, 1, Instant.parse("2025-05-14T01:00:00Z")));
            }
            core.commands().sendAndWait(new RecordGateEvents(events));
            ((borderwatch.store.sqlite.SqliteEventStorageEngine) core.storage()).checkpoint();
        }
        Path db = data.resolve(Core.STORE_FILE);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            for (long page = 2; page * 4096 < f.length() - 4096; page += 3) {
                f.seek(page * 4096 + 16);
                f.write(new byte[512]);
            }
        }
        assertThatThrownBy(() -> Core.open(data, Province.defaults(), ReadModels.ALL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is damaged").hasMessageContaining("restore");
        // The refusal released the store: a restore into it can go ahead.
        Path good = dir.resolve("good");
        try (Core core = Core.open(good, Province.defaults(), ReadModels.ALL)) {
            core.commands().sendAndWait(new RecordGateEvents(List.of(
                    new VehiclesCleared("g-1", "huu-nghi", Direction.EXPORT, 1, Instant.parse("2025-05-14T01:00:00Z")))));
        }
        Path file = dir.resolve("good.db");
        assertThat(cli("backup", "--data", good.toString(), "--out", file.toString()).exit()).isZero();
        Run restore = cli("restore", "--data", data.toString(), "--from", file.toString());
        assertThat(restore.exit()).as(restore.err()).isZero();
        try (Core core = Core.open(data, Province.defaults(), ReadModels.ALL)) {
            assertThat(core.storage().headPosition()).isEqualTo(1);
        }
        assertThat(Files.list(data).map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("borderwatch.db.replaced-"));
    }
}
