package borderwatch.core;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.gate.RecordedBatch;
import borderwatch.province.Direction;
import borderwatch.province.Province;
import borderwatch.service.ReadModels;
import borderwatch.testing.TestClock;
import borderwatch.tradeplan.SetAnnualPlan;
import borderwatch.tradeplan.TradePlans;
import borderwatch.traffic.GateDay;
import borderwatch.traffic.Traffic;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreTest {

    private static final Instant AT = Instant.parse("2025-05-14T01:15:00Z"); // 08:15 in Lạng Sơn
    private static final LocalDate DAY = LocalDate.of(2025, 5, 14);

    @TempDir
    Path data;

    private static RecordedBatch record(Core core, GateReport... events) {
        return core.commands().sendAndWait(new RecordGateEvents(List.of(events)));
    }

    private static GateDay day(Core core, String gate) {
        return core.live().query(m -> Traffic.of(m).day(gate, DAY));
    }

    @Test
    void eventsGoInThroughCommandsAndComeOutAsLiveFiguresAfterARestart() throws Exception {
        try (Core core = Core.open(data, Province.defaults(), ReadModels.ALL)) {
            RecordedBatch first = record(core,
                    new VehiclesCleared("a", "tan-thanh", Direction.EXPORT, 12, AT),
                    new VehiclesCleared("b", "huu-nghi", Direction.IMPORT, 30, AT),
                    new TurnoverRecorded("c", "tan-thanh", Direction.EXPORT, 1_250_050, AT));
            assertThat(first).isEqualTo(new RecordedBatch(3, 0));
            assertThat(record(core, new VehiclesCleared("a", "tan-thanh", Direction.EXPORT, 12, AT)))
                    .isEqualTo(new RecordedBatch(0, 1));
            core.commands().sendAndWait(SetAnnualPlan.of(2025, 100, 200, 300, "Kế hoạch", "p1", AT));

            assertThat(core.awaitProjected(core.storage().headPosition(), 10_000)).isTrue();
            assertThat(day(core, "tan-thanh"))
                    .isEqualTo(new GateDay(12, 0, 1_250_050, 0));
            assertThat(core.live().query(m -> TradePlans.of(m).plan(2025)).orElseThrow().totalUsdCents()).isEqualTo(300);
        }
        try (Core core = Core.open(data, Province.defaults(), ReadModels.ALL)) {
            assertThat(day(core, "huu-nghi")).isEqualTo(new GateDay(0, 30, 0, 0));
            record(core, new VehiclesCleared("d", "huu-nghi", Direction.IMPORT, 5, AT.plusSeconds(60)));
            assertThat(core.awaitProjected(core.storage().headPosition(), 10_000)).isTrue();
            assertThat(day(core, "huu-nghi")).isEqualTo(new GateDay(0, 35, 0, 0));
            assertThat(day(core, "tan-thanh").exportVehicles()).isEqualTo(12);
            assertThat(core.storage().headPosition()).isEqualTo(5);
        }
    }

    @Test
    void aClosedCoreLeavesNoAggregateCacheBehind() {
        int before = AggregateCaches.cachesInJvm();
        for (int i = 0; i < 3; i++) {
            try (Core core = Core.open(data.resolve("core-" + i), Province.defaults(), ReadModels.ALL)) {
                core.commands().sendAndWait(new RecordGateEvents(List.of(
                        new VehiclesCleared("c" + i, "tan-thanh", Direction.EXPORT, 1, TestClock.now()))));
                // Gates, plans and early warnings.
                assertThat(AggregateCaches.cachesInJvm()).isEqualTo(before + 3);
            }
        }
        assertThat(AggregateCaches.cachesInJvm()).isEqualTo(before);
    }
}
