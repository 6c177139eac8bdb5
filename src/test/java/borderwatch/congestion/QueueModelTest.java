package borderwatch.congestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.GateKind;
import borderwatch.province.LevelPolicy;
import borderwatch.province.ResponsePlanEffects;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueModelTest {

    private static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(15);
    /** 130 vehicles an hour: 30 for exports, 100 for imports; a yard for 400. */
    private static final GateConfig A = gate("a", 130, 30, 400);
    private static final GateConfig B = gate("b", 130, 30, 400);

    private static GateConfig gate(String id, int perHour, int exportPerHour, int yard) {
        return new GateConfig(id, id, id, GateKind.ROAD, ZoneOffset.UTC, perHour, yard, LevelPolicy.NONE, null,
                exportPerHour);
    }

    private static QueueModel.Arrivals constant(double exportPerHour, double importPerHour) {
        return (g, d, at) -> d == Direction.EXPORT ? exportPerHour : importPerHour;
    }

    private static final QueueModel.Capacity NORMAL = (g, at) -> 1;

    private static QueueModel.GateStep run(QueueModel model, int hours, QueueModel.Arrivals arrivals,
                                           QueueModel.Capacity capacity, Map<String, ResponsePlanEffects> plans, String gate) {
        QueueModel.GateStep last = null;
        for (int s = 0; s < hours * 4; s++) {
            for (QueueModel.GateStep step : model.step(T0.plus(STEP.multipliedBy(s)), STEP, arrivals, capacity, plans)) {
                if (step.gate().equals(gate)) {
                    last = step;
                }
            }
        }
        return last;
    }

    @Test
    void arrivalsAboveCapacityWaitForTheNextHour() {
        // 120 an hour against 100 an hour for 5 hours: 600 arrive, 500 are cleared, 100 wait.
        QueueModel.GateStep last = run(new QueueModel(List.of(A)), 5, constant(0, 120), NORMAL, Map.of(), "a");
        assertThat(last.waiting()).isCloseTo(100, within(1e-9));
        assertThat(last.importCleared()).isCloseTo(25, within(1e-9));
        assertThat(last.yardOccupancy()).isCloseTo(0.25, within(1e-9));
        assertThat(last.at()).isEqualTo(T0.plus(Duration.ofHours(5)));
    }

    @Test
    void arrivalsBelowCapacityLeaveNobodyWaiting() {
        QueueModel.GateStep last = run(new QueueModel(List.of(A)), 5, constant(20, 80), NORMAL, Map.of(), "a");
        assertThat(last.waiting()).isZero();
        assertThat(last.exportCleared() + last.importCleared()).isCloseTo(25, within(1e-9));
    }

    @Test
    void aClosedGateKeepsEveryArrivalAndDrainsAtItsSpareCapacity() {
        QueueModel model = new QueueModel(List.of(A));
        QueueModel.Capacity closedTwoHours = (g, at) -> at.isBefore(T0.plus(Duration.ofHours(2))) ? 0 : 1;
        // Closed 2 h with 10 exports + 50 imports an hour: 120 wait. Then the lanes have 20 and 50 spare an hour.
        assertThat(run(model, 2, constant(10, 50), closedTwoHours, Map.of(), "a").waiting()).isCloseTo(120, within(1e-9));
        QueueModel again = new QueueModel(List.of(A));
        // Exports (20 waiting) clear in 1 h; imports (100 waiting) in 2 h: after 4 h in all, nobody waits.
        assertThat(run(again, 3, constant(10, 50), closedTwoHours, Map.of(), "a").waiting()).isCloseTo(50, within(1e-9));
        QueueModel third = new QueueModel(List.of(A));
        assertThat(run(third, 4, constant(10, 50), closedTwoHours, Map.of(), "a").waiting()).isZero();
    }

    @Test
    void aDiversionMovesExportArrivalsToTheOtherGatesQueue() {
        ResponsePlanEffects divertHalf = new ResponsePlanEffects("b", 50, 0, 0, 0);
        QueueModel model = new QueueModel(List.of(A, B));
        // 40 exports an hour at a: 20 stay (under its 30), 20 join b's 40 → 60 against 30 there: 30 an hour wait.
        Map<String, ResponsePlanEffects> plans = Map.of("a", divertHalf);
        QueueModel.GateStep a = run(model, 2, (g, d, at) -> d == Direction.EXPORT ? 40 : 0, NORMAL, plans, "a");
        assertThat(a.waiting()).isZero();
        assertThat(a.exportArrived()).isCloseTo(5, within(1e-9));
        QueueModel other = new QueueModel(List.of(A, B));
        QueueModel.GateStep b = run(other, 2, (g, d, at) -> d == Direction.EXPORT ? 40 : 0, NORMAL, plans, "b");
        assertThat(b.exportArrived()).isCloseTo(15, within(1e-9));
        assertThat(b.waiting()).isCloseTo(60, within(1e-9));
    }

    @Test
    void heldTrucksExtraCapacityAndAnOverflowYardEachLowerTheBuildUp() {
        QueueModel.Arrivals busy = constant(0, 120);
        double none = run(new QueueModel(List.of(A)), 5, busy, NORMAL, Map.of(), "a").waiting();
        // Holding 10% inland: 108 an hour arrive, 8 wait each hour.
        double held = run(new QueueModel(List.of(A)), 5, busy, NORMAL,
                Map.of("a", new ResponsePlanEffects(null, 0, 0, 0, 10)), "a").waiting();
        // 10% more capacity: 110 an hour cleared, 10 wait each hour.
        double faster = run(new QueueModel(List.of(A)), 5, busy, NORMAL,
                Map.of("a", new ResponsePlanEffects(null, 0, 10, 0, 0)), "a").waiting();
        QueueModel.GateStep bigYard = run(new QueueModel(List.of(A)), 5, busy, NORMAL,
                Map.of("a", new ResponsePlanEffects(null, 0, 0, 100, 0)), "a");
        assertThat(none).isCloseTo(100, within(1e-9));
        assertThat(held).isCloseTo(40, within(1e-9));
        assertThat(faster).isCloseTo(50, within(1e-9));
        assertThat(bigYard.waiting()).isCloseTo(100, within(1e-9));
        assertThat(bigYard.yardOccupancy()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void aFullYardReadsAsFullNotMore() {
        QueueModel.GateStep last = run(new QueueModel(List.of(gate("s", 130, 30, 50))), 5, constant(0, 120), NORMAL,
                Map.of(), "s");
        assertThat(last.waiting()).isCloseTo(100, within(1e-9));
        assertThat(last.yardOccupancy()).isEqualTo(1.0);
    }
}
