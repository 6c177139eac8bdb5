package borderwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import borderwatch.core.StoredEventTypes;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.RecordGateEvents;
import borderwatch.province.Direction;
import borderwatch.province.Province;
import borderwatch.readmodel.Checkpoints;
import borderwatch.readmodel.ReadModel;
import borderwatch.service.ReadModels;
import borderwatch.store.EventCodec;
import borderwatch.store.EventStorage;
import borderwatch.store.StoreLocation;
import borderwatch.store.engines.StoreEngines;
import borderwatch.store.kurrent.KurrentProtocolDoubles;
import borderwatch.traffic.Traffic;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node on KurrentDB keeps a read-model checkpoint under its own data directory, as on the embedded
 * store, and trusts it only on the cluster's proof: the same data set (not another cluster, not
 * another province's streams) holding the same event at the checkpoint's position.
 */
class KurrentCheckpointTest {

    private static final Instant AT = Instant.parse("2025-05-14T01:15:00Z");
    private static final LocalDate DAY = LocalDate.of(2025, 5, 14);

    @TempDir
    Path dir;

    private static Optional<ReadModel> checkpointOn(Path file, StoreLocation store) {
        try (EventStorage storage = StoreEngines.open(store, new EventCodec(StoredEventTypes.registry()))) {
            return new Checkpoints(file).read(new ReadModel(Province.defaults(), ReadModels.ALL), storage);
        }
    }

    private static long exports(Core core) {
        return core.live().query(m -> (long) Traffic.of(m).day("tan-thanh", DAY).exportVehicles());
    }

    private static void cleared(Core core, String id, int vehicles) {
        core.commands().sendAndWait(new RecordGateEvents(List.of(new VehiclesCleared(id, "tan-thanh", Direction.EXPORT,
                vehicles, AT))));
    }

    @Test
    void aCheckpointIsKeptAtStopAndTrustedOnlyWhereTheClusterProvesIt() throws Exception {
        try (AutoCloseable cluster = KurrentProtocolDoubles.start(); AutoCloseable other = KurrentProtocolDoubles.start()) {
            String connection = KurrentProtocolDoubles.connectionString(cluster);
            StoreLocation.Kurrent store = new StoreLocation.Kurrent(connection).withReadModelDir(dir);
            Path file = dir.resolve(Core.CHECKPOINT_FILE);
            long head;
            try (Core node = Core.open(store, Province.defaults(), ReadModels.ALL)) {
                cleared(node, "a", 12);
                cleared(node, "b", 30);
                head = node.storage().headPosition();
                assertThat(node.awaitProjected(head, 10_000)).isTrue();
            }
            assertThat(file).as("written at the clean stop").exists();
            Optional<ReadModel> proven = checkpointOn(file, store);
            assertThat(proven).as("the same data set holds the same event there").isPresent();
            assertThat(proven.get().position()).isEqualTo(head);
            // The same events on another cluster are another data set; another province's streams too.
            try (Core copy = Core.open(new StoreLocation.Kurrent(KurrentProtocolDoubles.connectionString(other)),
                    Province.defaults(), ReadModels.ALL)) {
                cleared(copy, "a", 12);
                cleared(copy, "b", 30);
            }
            // (A refused checkpoint is set aside, so each refusal is tried on a copy.)
            Path copyA = dir.resolve("a").resolve(Core.CHECKPOINT_FILE);
            java.nio.file.Files.createDirectories(copyA.getParent());
            java.nio.file.Files.copy(file, copyA);
            assertThat(checkpointOn(copyA, new StoreLocation.Kurrent(KurrentProtocolDoubles.connectionString(other))))
                    .as("another cluster").isEmpty();
            Path copyB = dir.resolve("b").resolve(Core.CHECKPOINT_FILE);
            java.nio.file.Files.createDirectories(copyB.getParent());
            java.nio.file.Files.copy(file, copyB);
            assertThat(checkpointOn(copyB, store.withStreamPrefix("bwlaichau-"))).as("another province's streams").isEmpty();

            // A restart reads the checkpoint, folds what came after it (nothing), and goes on.
            var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("borderwatch.core.ReadModelCheckpoints");
            var starts = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
            starts.start();
            logger.addAppender(starts);
            try (Core node = Core.open(store, Province.defaults(), ReadModels.ALL)) {
                assertThat(starts.list).extracting(e -> e.getFormattedMessage()).contains(
                        "read model at position " + head + ": " + head + " from the checkpoint, 0 events folded from the stream");
                assertThat(exports(node)).isEqualTo(42);
                cleared(node, "c", 8);
                assertThat(node.awaitProjected(node.storage().headPosition(), 10_000)).isTrue();
                assertThat(exports(node)).isEqualTo(50);
            }
            // Events another node stored while this one was stopped are folded on from the checkpoint.
            try (Core elsewhere = Core.open(new StoreLocation.Kurrent(connection), Province.defaults(), ReadModels.ALL)) {
                cleared(elsewhere, "d", 5);
            }
            try (Core node = Core.open(store, Province.defaults(), ReadModels.ALL)) {
                // Positions on KurrentDB are places in its log, not counts: the fold started at the checkpoint, short of the head.
                var m = java.util.regex.Pattern.compile("read model at position (\\d+): (\\d+) from the checkpoint")
                        .matcher(starts.list.get(starts.list.size() - 1).getFormattedMessage());
                assertThat(m.find()).isTrue();
                assertThat(Long.parseLong(m.group(2))).as("folded on from the checkpoint").isPositive()
                        .isLessThan(Long.parseLong(m.group(1)));
                assertThat(exports(node)).isEqualTo(55);
                assertThat(node.projectionLag()).isZero();
            } finally {
                logger.detachAppender(starts);
            }
        }
    }
}
