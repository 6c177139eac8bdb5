package borderwatch.core;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.board.Board;
import borderwatch.forecast.Forecaster;
import borderwatch.gate.ActivateResponsePlan;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.json.ApiJson;
import borderwatch.province.Direction;
import borderwatch.province.Province;
import borderwatch.readmodel.Checkpoints;
import borderwatch.readmodel.ReadModel;
import borderwatch.readmodel.Replay;
import borderwatch.report.ReportRequest;
import borderwatch.report.Reports;
import borderwatch.service.ReadModels;
import borderwatch.sim.Simulator;
import borderwatch.store.HistoryProof;
import borderwatch.store.StoreLocation;
import borderwatch.store.sqlite.StoreBackup;
import borderwatch.tradeplan.SetAnnualPlan;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start from a read-model checkpoint gives what a full fold gives, and a checkpoint is never trusted blindly. */
class CheckpointTest {

    private static final Instant FROM = Instant.parse("2025-05-13T17:00:00Z"); // 00:00 on 14 May in Lạng Sơn
    private static final Instant NOW = Instant.parse("2025-05-15T05:00:00Z");

    @TempDir
    Path data;
    /** Backups, copies and other data folders, beside the one under test. */
    @TempDir
    Path elsewhere;

    private final Province province = Province.defaults();

    /** Two days of simulated traffic, a plan and a response plan, then a clean stop (which saves a checkpoint). */
    private void fill(Path dir) throws InterruptedException {
        try (Core core = Core.open(dir, province, ReadModels.ALL)) {
            List<GateReport> events = new Simulator(province, 7).minutes(FROM, FROM.plusSeconds(2 * 86_400));
            for (int i = 0; i < events.size(); i += 2_000) {
                core.commands().sendAndWait(new RecordGateEvents(events.subList(i, Math.min(events.size(), i + 2_000))));
            }
            core.commands().sendAndWait(SetAnnualPlan.of(2025, 1_000_000, 2_000_000, 3_000_000, "Kế hoạch", "p1", FROM));
            core.commands().sendAndWait(new ActivateResponsePlan("tan-thanh", 1, "Trực ban", "xe ùn", "r1", NOW));
            assertThat(core.awaitProjected(core.storage().headPosition(), 30_000)).isTrue();
        }
    }

    /** What a start shows, as the API would send it: the board, the 2025 report and the forecast. */
    private String seen(Core core) throws Exception {
        ReadModel live = core.live().query(ReadModel::copy);
        String board = ApiJson.mapper().writeValueAsString(Board.of(live, NOW));
        var request = new ReportRequest(2025, NOW, "vi", "json");
        String report = Reports.render(Reports.build(core.storage(), core.live().blank(), request, p -> { }), request,
                province, ApiJson.mapper()).text();
        String forecast = ApiJson.mapper().writeValueAsString(Forecaster.run(live, FROM.plusSeconds(2 * 86_400), Map.of()));
        return board + "\n" + report + "\n" + forecast;
    }

    /** What a full fold of the stored stream gives, with no checkpoint involved. */
    private String folded(Core core) throws Exception {
        ReadModel full = Replay.asOf(core.storage(), core.live().blank(), Instant.MAX, p -> { }).model();
        assertThat(full.position()).isEqualTo(core.live().position());
        return ApiJson.mapper().writeValueAsString(Board.of(full, NOW));
    }

    @Test
    void aStartFromTheCheckpointShowsWhatAFullFoldShows() throws Exception {
        fill(data);
        Path checkpoint = data.resolve(Core.CHECKPOINT_FILE);
        assertThat(checkpoint).exists();
        String fromCheckpoint;
        try (Core core = Core.open(data, province, ReadModels.ALL)) {
            assertThat(new Checkpoints(checkpoint).read(core.live().blank(), core.storage())).isPresent();
            fromCheckpoint = seen(core);
            assertThat(fromCheckpoint.lines().findFirst().orElseThrow()).isEqualTo(folded(core));
        }
        Files.delete(checkpoint);
        try (Core core = Core.open(data, province, ReadModels.ALL)) {
            assertThat(seen(core)).as("a start with no checkpoint").isEqualTo(fromCheckpoint);
        }
    }

    @Test
    void aDamagedCheckpointIsSetAsideAndTheModelRebuilt() throws Exception {
        fill(data);
        Path checkpoint = data.resolve(Core.CHECKPOINT_FILE);
        String expected;
        try (Core core = Core.open(data, province, ReadModels.ALL)) {
            expected = seen(core);
        }
        try (RandomAccessFile f = new RandomAccessFile(checkpoint.toFile(), "rw")) {
            f.setLength(f.length() / 2); // cut off mid-write
        }
        try (Core core = Core.open(data, province, ReadModels.ALL)) {
            assertThat(new Checkpoints(checkpoint).read(core.live().blank(), core.storage())).isEmpty();
            assertThat(seen(core)).isEqualTo(expected);
        }
        Files.writeString(checkpoint, "not a checkpoint", StandardCharsets.UTF_8);
        try (Core core = Core.open(data, province, ReadModels.ALL)) {
            assertThat(seen(core)).isEqualTo(expected);
        }
    }

    @Test
    void aCheckpointOfAnotherFormatFoldsOrStoreIsNotTrusted() throws Exception {
        fill(data);
        Path checkpoint = data.resolve(Core.CHECKPOINT_FILE);
        try (Core core = Core.open(data, province, ReadModels.ALL)) {
            ReadModel model = core.live().query(ReadModel::copy);
            Checkpoints checkpoints = new Checkpoints(checkpoint);
            // Folds of another shape.
            ReadModel fewer = new ReadModel(province, gates -> ReadModels.ALL.apply(gates).subList(0, 2));
            assertThat(checkpoints.read(fewer, core.storage())).isEmpty();
            // Another store: the proof it was written with is not this store's.
            HistoryProof own = core.storage().proofAt(model.position()).orElseThrow();
            checkpoints.write(model, new HistoryProof("another-store", own.position(), own.digest()));
            assertThat(checkpoints.read(core.live().blank(), core.storage())).isEmpty();
            checkpoints.write(model, new HistoryProof(own.storeId(), own.position(), "0".repeat(64)));
            assertThat(checkpoints.read(core.live().blank(), core.storage())).isEmpty();
        }
        // An older format.
        Path other = data.resolve("other");
        fill(other);
        Path old = other.resolve(Core.CHECKPOINT_FILE);
        byte[] text = new java.util.zip.GZIPInputStream(Files.newInputStream(old)).readAllBytes();
        String rewritten = new String(text, StandardCharsets.UTF_8).replaceFirst("\"format\":\\d+", "\"format\":0");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(old))) {
            out.write(rewritten.getBytes(StandardCharsets.UTF_8));
        }
        try (Core core = Core.open(other, province, ReadModels.ALL)) {
            assertThat(new Checkpoints(old).read(core.live().blank(), core.storage())).isEmpty();
            assertThat(core.live().position()).isEqualTo(core.storage().headPosition());
        }
    }

    /** Ten rows of one import, {@code vehicles} a row: the same ids whatever the figure, as a corrected re-import sends. */
    private static RecordGateEvents importOf(int vehicles) {
        List<GateReport> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new GateReport.VehiclesCleared("row-" + i, "tan-thanh", Direction.EXPORT, vehicles, NOW.minusSeconds(60L * i)));
        }
        return new RecordGateEvents(rows);
    }

    private static void load(Path dir, RecordGateEvents batch) {
        try (Core core = Core.open(dir, Province.defaults(), ReadModels.ALL)) {
            core.commands().sendAndWait(batch);
            assertThat(core.awaitProjected(core.storage().headPosition(), 30_000)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCheckpointNeverOutlivesARestoreNorACorrectedReimport() throws Exception {
        fill(data);
        Path store = data.resolve(StoreLocation.FILE);
        Path backup = elsewhere.resolve("backup.db");
        StoreBackup.backup(store, backup);
        load(data, importOf(500)); // the wrong import, then a clean stop saves a checkpoint of it
        Path checkpoint = data.resolve(Core.CHECKPOINT_FILE);
        Path wrong = elsewhere.resolve("wrong.checkpoint");
        Files.copy(checkpoint, wrong);

        // Restored by the command (a new store identity), the corrected rows imported, then killed: the
        // checkpoint on disk is the wrong import's, at the very position the corrected import ends at.
        StoreBackup.restore(backup, store);
        load(data, importOf(5));
        Files.copy(wrong, checkpoint, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Core core = Core.open(data, province, ReadModels.ALL)) {
            assertThat(core.live().position()).isEqualTo(core.storage().headPosition());
            // Trusted, the wrong checkpoint would show 500 vehicles a row where the store holds 5.
            assertThat(seenBoard(core)).isEqualTo(folded(core));
        }
        assertThat(data.resolve(Core.CHECKPOINT_FILE + Checkpoints.SET_ASIDE_SUFFIX)).exists();

        // Restored by hand, a copy of the backup put in place: the same identity, but not the history folded.
        Path byHand = elsewhere.resolve("by-hand");
        Files.createDirectories(byHand);
        Files.copy(backup, byHand.resolve(StoreLocation.FILE));
        load(byHand, importOf(5));
        Files.copy(wrong, byHand.resolve(Core.CHECKPOINT_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Core core = Core.open(byHand, province, ReadModels.ALL)) {
            assertThat(seenBoard(core)).isEqualTo(folded(core));
        }
    }

    @Test
    void aCheckpointCopiedFromAnotherDataFolderIsRefusedThoughItHoldsTheSameHistory() throws Exception {
        Path first = data.resolve("first");
        Path second = data.resolve("second");
        load(first, importOf(5));
        load(second, importOf(5));
        Path copied = second.resolve(Core.CHECKPOINT_FILE);
        Files.copy(first.resolve(Core.CHECKPOINT_FILE), copied, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Core core = Core.open(second, province, ReadModels.ALL)) {
            HistoryProof here = core.storage().proofAt(core.storage().headPosition()).orElseThrow();
            assertThat(new Checkpoints(copied).read(core.live().blank(), core.storage())).isEmpty();
            assertThat(copied).doesNotExist();
            assertThat(second.resolve(Core.CHECKPOINT_FILE + Checkpoints.SET_ASIDE_SUFFIX)).exists();
            assertThat(seenBoard(core)).isEqualTo(folded(core));
            try (Core other = Core.open(first, province, ReadModels.ALL)) {
                HistoryProof there = other.storage().proofAt(here.position()).orElseThrow();
                assertThat(there.digest()).as("the same history").isEqualTo(here.digest());
                assertThat(there.storeId()).as("another store").isNotEqualTo(here.storeId());
            }
        }
    }

    @Test
    void aCheckpointReadBeforeItsStoreOpensIsTakenOnlyOnTheStoresProofAndMovesNothingAsideBefore() throws Exception {
        fill(data);
        Path checkpoint = data.resolve(Core.CHECKPOINT_FILE);
        String expected;
        try (Core core = Core.open(data, province, ReadModels.ALL)) {
            expected = seen(core);
        }
        // Read with no store at all: the whole file is read, nothing is decided yet.
        Checkpoints checkpoints = new Checkpoints(checkpoint);
        Checkpoints.Unproven unproven = checkpoints.readUnproven(new ReadModel(province, ReadModels.ALL));
        assertThat(checkpoint).exists();
        // The store it was written with vouches for it.
        Core.Prepared prepared = Core.prepare(new StoreLocation.Embedded(data), province, ReadModels.ALL);
        try (Core core = prepared.open(null)) {
            assertThat(seen(core)).isEqualTo(expected);
            assertThat(core.live().position()).isEqualTo(core.storage().headPosition());
            assertThat(unproven.provenBy(core.storage())).isPresent();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> prepared.open(null))
                    .isInstanceOf(IllegalStateException.class);
        }
        // A store that does not: another data folder's. Only now is the checkpoint moved aside.
        Path other = elsewhere.resolve("other");
        fill(other);
        Checkpoints.Unproven foreign = checkpoints.readUnproven(new ReadModel(province, ReadModels.ALL));
        assertThat(checkpoint).exists();
        try (Core core = Core.open(other, province, ReadModels.ALL)) {
            assertThat(foreign.provenBy(core.storage())).isEmpty();
        }
        assertThat(checkpoint).doesNotExist();
        assertThat(data.resolve(Core.CHECKPOINT_FILE + Checkpoints.SET_ASIDE_SUFFIX)).exists();
        // A damaged one is not moved aside by reading it either, only once a store is asked.
        Files.writeString(checkpoint, "not a checkpoint", StandardCharsets.UTF_8);
        Checkpoints.Unproven damaged = checkpoints.readUnproven(new ReadModel(province, ReadModels.ALL));
        assertThat(checkpoint).exists();
        try (Core core = Core.open(other, province, ReadModels.ALL)) {
            assertThat(damaged.provenBy(core.storage())).isEmpty();
        }
        assertThat(checkpoint).doesNotExist();
    }

    private static String seenBoard(Core core) throws Exception {
        return ApiJson.mapper().writeValueAsString(Board.of(core.live().query(ReadModel::copy), NOW));
    }
}
