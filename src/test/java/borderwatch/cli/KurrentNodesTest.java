package borderwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.gate.RecordedBatch;
import borderwatch.province.Direction;
import borderwatch.province.Province;
import borderwatch.service.ReadModels;
import borderwatch.store.StoreLocation;
import borderwatch.store.kurrent.KurrentProtocolDoubles;
import borderwatch.tradeplan.SetAnnualPlan;
import borderwatch.tradeplan.TradePlans;
import borderwatch.traffic.GateDay;
import borderwatch.traffic.Traffic;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BorderWatch nodes sharing one KurrentDB store (the protocol double standing in for the cluster):
 * each folds {@code $all} into its own read model, and commands stay correct when two nodes write
 * the same gates at once.
 */
class KurrentNodesTest {

    private static final Instant AT = Instant.parse("2025-05-14T01:15:00Z");
    private static final LocalDate DAY = LocalDate.of(2025, 5, 14);

    private AutoCloseable server;
    private StoreLocation store;
    private final List<Core> nodes = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        var s = KurrentProtocolDoubles.start();
        server = s;
        store = new StoreLocation.Kurrent(KurrentProtocolDoubles.connectionString(s));
    }

    @AfterEach
    void stop() throws Exception {
        nodes.forEach(Core::close);
        server.close();
    }

    private Core node() {
        Core core = Core.open(store, Province.defaults(), ReadModels.ALL);
        nodes.add(core);
        return core;
    }

    private static RecordedBatch record(Core core, GateReport... events) {
        return core.commands().sendAndWait(new RecordGateEvents(List.of(events)));
    }

    private static GateDay day(Core core, String gate) {
        return core.live().query(m -> Traffic.of(m).day(gate, DAY));
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("condition not met within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aNodeStartedLaterFoldsTheSameFiguresFromTheStore() throws Exception {
        Core first = node();
        assertThat(record(first, new VehiclesCleared("a", "tan-thanh", Direction.EXPORT, 12, AT),
                new VehiclesCleared("b", "huu-nghi", Direction.IMPORT, 30, AT))).isEqualTo(new RecordedBatch(2, 0));
        first.commands().sendAndWait(SetAnnualPlan.of(2025, 100, 200, 300, "Kế hoạch", "p1", AT));
        assertThat(first.awaitProjected(first.storage().headPosition(), 10_000)).isTrue();

        Core second = node();
        assertThat(day(second, "tan-thanh")).isEqualTo(new GateDay(12, 0, 0, 0)).isEqualTo(day(first, "tan-thanh"));
        assertThat(day(second, "huu-nghi")).isEqualTo(new GateDay(0, 30, 0, 0));
        assertThat(second.live().query(m -> TradePlans.of(m).plan(2025)).orElseThrow().totalUsdCents()).isEqualTo(300);
        assertThat(second.projectionLag()).isZero();
    }

    @Test
    void whatOneNodeStoresReachesTheOthersReadModel() throws Exception {
        Core a = node();
        Core b = node();
        record(a, new VehiclesCleared("a1", "chi-ma", Direction.EXPORT, 7, AT));
        eventually(() -> day(b, "chi-ma").exportVehicles() == 7);
        record(b, new VehiclesCleared("b1", "chi-ma", Direction.EXPORT, 5, AT));
        eventually(() -> day(a, "chi-ma").exportVehicles() == 12);
    }

    @Test
    void twoNodesWritingTheSameGatesAtOnceLoseAndRepeatNothing() throws Exception {
        Core a = node();
        Core b = node();
        int batches = 40;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> accepted = new ArrayList<>();
            for (Core node : List.of(a, b)) {
                String prefix = node == a ? "a" : "b";
                accepted.add(pool.submit(() -> {
                    int n = 0;
                    for (int i = 0; i < batches; i++) {
                        n += record(node,
                                new VehiclesCleared(prefix + "-tt-" + i, "tan-thanh", Direction.EXPORT, 1, AT),
                                new VehiclesCleared(prefix + "-hn-" + i, "huu-nghi", Direction.EXPORT, 2, AT)).accepted();
                    }
                    return n;
                }));
            }
            for (Future<Integer> f : accepted) {
                assertThat(f.get()).isEqualTo(2 * batches);
            }
        } finally {
            pool.shutdownNow();
        }
        for (Core node : List.of(a, b)) {
            eventually(() -> day(node, "tan-thanh").exportVehicles() == 2 * batches
                    && day(node, "huu-nghi").exportVehicles() == 2 * 2 * batches);
        }
        assertThat(a.storage().eventCount()).isEqualTo(4L * batches);
    }

    @Test
    void aRepeatOfWhatAnotherNodeStoredIsRecognised() throws Exception {
        Core a = node();
        Core b = node();
        // b holds Cốc Nam in its cache before a stores the event b will be sent again.
        record(b, new VehiclesCleared("b-first", "coc-nam", Direction.IMPORT, 1, AT));
        record(a, new VehiclesCleared("from-gate-system", "coc-nam", Direction.IMPORT, 4, AT));

        assertThat(record(b, new VehiclesCleared("from-gate-system", "coc-nam", Direction.IMPORT, 4, AT)))
                .isEqualTo(new RecordedBatch(0, 1));
        eventually(() -> day(b, "coc-nam").importVehicles() == 5);
        assertThat(b.storage().eventCount()).isEqualTo(2);
    }
}
