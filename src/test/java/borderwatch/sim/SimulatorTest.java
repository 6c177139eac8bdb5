package borderwatch.sim;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.province.Direction;
import borderwatch.province.GateKind;
import borderwatch.province.Province;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private static final Province GATES = Province.defaults();
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static long roadVehicles(List<GateReport> events, Direction direction) {
        return events.stream()
                .filter(e -> e instanceof VehiclesCleared v && v.direction() == direction
                        && GATES.get(v.gate()).kind() == GateKind.ROAD)
                .mapToLong(e -> ((VehiclesCleared) e).vehicles()).sum();
    }

    @Test
    void aSimulatedWeekMatchesTheProvincesReportedDailyVolumes() {
        Simulator sim = new Simulator(GATES, 7);
        Instant from = LocalDate.of(2025, 5, 12).atStartOfDay(ZONE).toInstant();
        List<GateReport> week = sim.minutes(from, from.plusSeconds(7 * 86_400));

        double exportsPerDay = roadVehicles(week, Direction.EXPORT) / 7.0;
        double importsPerDay = roadVehicles(week, Direction.IMPORT) / 7.0;
        // H1 2025: exports 450–500 a day, imports 1.100–1.150, more than 1.650 road vehicles in all.
        assertThat(exportsPerDay).isBetween(430.0, 520.0);
        assertThat(importsPerDay).isBetween(1_050.0, 1_200.0);
        assertThat(exportsPerDay + importsPerDay).isBetween(1_550.0, 1_750.0);
    }

    @Test
    void trafficFollowsADailyRhythmAndQueuesAreReported() {
        Simulator sim = new Simulator(GATES, 11);
        Instant midnight = LocalDate.of(2025, 5, 14).atStartOfDay(ZONE).toInstant();
        long night = roadVehicles(sim.minutes(midnight.plusSeconds(2 * 3_600), midnight.plusSeconds(4 * 3_600)),
                Direction.IMPORT);
        long morning = roadVehicles(sim.minutes(midnight.plusSeconds(9 * 3_600), midnight.plusSeconds(11 * 3_600)),
                Direction.IMPORT);
        assertThat(morning).isGreaterThan(5 * night);

        List<GateReport> hour = sim.minutes(midnight, midnight.plusSeconds(3_600));
        assertThat(hour.stream().filter(QueueObserved.class::isInstance).count()).isEqualTo(12 * 5);
    }

    @Test
    void exportsAreAboutFourFifthsFruitAndFruitLeavesOnlyWhereItMay() {
        Instant from = LocalDate.of(2025, 2, 10).atStartOfDay(ZONE).toInstant();
        List<GateReport> week = new Simulator(GATES, 5).minutes(from, from.plusSeconds(7 * 86_400));
        long exports = 0;
        long fruit = 0;
        long exportCents = 0;
        long localCents = 0;
        for (GateReport e : week) {
            if (e instanceof VehiclesCleared v && v.direction() == Direction.EXPORT) {
                exports += v.vehicles();
                fruit += "fruit".equals(v.goods()) ? v.vehicles() : 0;
                assertThat(GATES.get(v.gate()).mayExport(v.goods())).as(v.toString()).isTrue();
                assertThat(v.goods()).isNotNull();
            }
            if (e instanceof TurnoverRecorded t && t.direction() == Direction.EXPORT) {
                exportCents += t.usdCents();
                localCents += t.localOrigin() ? t.usdCents() : 0;
            }
            if (e instanceof TurnoverRecorded t && t.direction() == Direction.IMPORT) {
                assertThat(t.localOrigin()).isFalse();
            }
        }
        // The 2025 press: exports "about 80% fruit"; a twentieth of export turnover is local produce.
        assertThat((double) fruit / exports).isBetween(0.72, 0.88);
        assertThat((double) localCents / exportCents).isBetween(0.02, 0.09);
    }

    @Test
    void simulatingTheSameMinuteAgainGivesTheSameIds() {
        Instant t = Instant.parse("2025-05-14T02:00:00Z");
        Set<String> first = ids(new Simulator(GATES, 1).minutes(t, t.plusSeconds(600)));
        Set<String> again = ids(new Simulator(GATES, 2).minutes(t, t.plusSeconds(600)));
        assertThat(again.stream().filter(id -> id.endsWith("-q")).toList())
                .containsExactlyInAnyOrderElementsOf(first.stream().filter(id -> id.endsWith("-q")).toList());
        assertThat(first).allMatch(id -> id.startsWith("sim-"));
    }

    private static Set<String> ids(List<GateReport> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> assertThat(ids.add(e.eventId())).isTrue());
        return ids;
    }

    @Test
    void anAcceleratedClockRunsFasterFromItsStart() {
        var base = java.time.Clock.fixed(Instant.parse("2025-05-14T00:00:00Z"), java.time.ZoneOffset.UTC);
        var clock = new AcceleratedClock(base, Instant.parse("2030-01-01T00:00:00Z"), 60);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    }
}
