package borderwatch.sim;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.province.Direction;
import borderwatch.province.Province;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Surges and closures made to happen in the demo are played out by the simulator, and end when they should. */
class DemoScenariosTest {

    private static final Province GATES = Province.defaults();
    /** 09:00 in Lạng Sơn. */
    private static final Instant FROM = Instant.parse("2025-05-14T02:00:00Z");

    private static long cleared(List<GateReport> events, String gate, Direction d) {
        return events.stream().filter(e -> e instanceof VehiclesCleared v && v.gate().equals(gate) && v.direction() == d)
                .mapToLong(e -> ((VehiclesCleared) e).vehicles()).sum();
    }

    private static int lastQueue(List<GateReport> events, String gate) {
        return events.stream().filter(e -> e instanceof QueueObserved q && q.gate().equals(gate))
                .map(e -> ((QueueObserved) e).waiting()).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void aClosureStopsClearingAndTheQueueGrowsUntilItEnds() {
        DemoScenarios scenarios = new DemoScenarios();
        Simulator sim = new Simulator(GATES, 7).with(scenarios);
        scenarios.start(new DemoScenarios.Scenario("tan-thanh", DemoScenarios.CLOSURE, 0, FROM, FROM.plus(Duration.ofHours(3))));
        List<GateReport> closed = sim.minutes(FROM, FROM.plus(Duration.ofHours(3)));
        assertThat(cleared(closed, "tan-thanh", Direction.EXPORT) + cleared(closed, "tan-thanh", Direction.IMPORT)).isZero();
        assertThat(cleared(closed, "huu-nghi", Direction.IMPORT)).as("other gates go on").isPositive();
        int queue = lastQueue(closed, "tan-thanh");
        assertThat(queue).isGreaterThan(50);
        // Reopened: the backlog goes out.
        List<GateReport> after = sim.minutes(FROM.plus(Duration.ofHours(3)), FROM.plus(Duration.ofHours(5)));
        assertThat(cleared(after, "tan-thanh", Direction.IMPORT)).isPositive();
        assertThat(lastQueue(after, "tan-thanh")).isLessThan(queue);
    }

    @Test
    void aSurgeBringsMoreExportTrucksThanTheSameHoursWithout() {
        Instant until = FROM.plus(Duration.ofHours(6));
        List<GateReport> usual = new Simulator(GATES, 11).minutes(FROM, until);
        DemoScenarios scenarios = new DemoScenarios();
        scenarios.start(new DemoScenarios.Scenario("tan-thanh", DemoScenarios.SURGE, 200, FROM, until));
        List<GateReport> surged = new Simulator(GATES, 11).with(scenarios).minutes(FROM, until);
        assertThat(lastQueue(surged, "tan-thanh") + cleared(surged, "tan-thanh", Direction.EXPORT))
                .isGreaterThan(2 * (lastQueue(usual, "tan-thanh") + cleared(usual, "tan-thanh", Direction.EXPORT)));
    }

    @Test
    void endedOrExpiredScenariosAreNotInForce() {
        DemoScenarios scenarios = new DemoScenarios();
        List<List<DemoScenarios.Scenario>> told = new java.util.ArrayList<>();
        scenarios.onChange(told::add);
        scenarios.start(new DemoScenarios.Scenario("chi-ma", DemoScenarios.SURGE, 100, FROM, FROM.plus(Duration.ofHours(1))));
        assertThat(scenarios.active(FROM)).hasSize(1);
        assertThat(scenarios.active(FROM.plus(Duration.ofHours(1)))).as("expired").isEmpty();
        assertThat(scenarios.arrivalFactor("chi-ma", Direction.EXPORT, FROM)).isEqualTo(2.0);
        assertThat(scenarios.arrivalFactor("chi-ma", Direction.IMPORT, FROM)).isEqualTo(1.0);
        assertThat(scenarios.end("chi-ma", FROM)).isTrue();
        assertThat(scenarios.end("chi-ma", FROM)).isFalse();
        assertThat(scenarios.arrivalFactor("chi-ma", Direction.EXPORT, FROM)).isEqualTo(1.0);
        assertThat(told).hasSize(2);
        assertThat(told.get(1)).isEmpty();
    }
}
