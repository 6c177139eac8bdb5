package borderwatch.gate;

import borderwatch.province.Direction;
import borderwatch.province.Province;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.shared.Rejection;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GateTest {

    private static final Instant AT = Instant.parse("2025-05-14T01:15:00Z");
    private AggregateTestFixture<Gate> fixture;
    private java.util.Set<String> stored = java.util.Set.of();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Gate.class);
        fixture.registerAnnotatedCommandHandler(new GateEventRecorder(fixture.getRepository(), ids -> stored, Province.defaults()));
    }

    @Test
    void recordsClearedVehiclesReportedForItself() {
        VehiclesCleared cleared = new VehiclesCleared("e1", "tan-thanh", Direction.EXPORT, 12, AT);
        fixture.given(new QueueObserved("q0", "tan-thanh", 40, 0.5, AT.minusSeconds(60)))
               .when(batch(cleared))
               .expectEvents(cleared);
    }

    @Test
    void refusesAReportForAnotherGate() {
        Gate gate = new Gate("tan-thanh");
        assertThatThrownBy(() -> gate.record(new VehiclesCleared("e1", "huu-nghi", Direction.EXPORT, 12, AT)))
                .isInstanceOf(Rejection.class)
                .hasMessageContaining("huu-nghi");
    }

    @Test
    void refusesZeroVehicles() {
        fixture.given(new QueueObserved("q0", "tan-thanh", 40, 0.5, AT))
               .when(batch(new VehiclesCleared("e1", "tan-thanh", Direction.IMPORT, 0, AT)))
               .expectNoEvents()
               .expectException(Rejection.class);
    }

    @Test
    void keepsTheNewestQueueObservationEvenWhenReportsArriveLate() {
        Gate gate = new Gate("chi-ma");
        gate.on((GateEvent) new QueueObserved("q2", "chi-ma", 80, 0.7, AT));
        gate.on((GateEvent) new QueueObserved("q1", "chi-ma", 10, 0.1, AT.minusSeconds(600)));
        assertThat(gate.waiting()).isEqualTo(80);
        assertThat(gate.yardOccupancy()).isEqualTo(0.7);
        assertThatThrownBy(() -> gate.record(new QueueObserved("q3", "chi-ma", -1, null, AT)))
                .isInstanceOf(Rejection.class);
    }

    private static RecordGateEvents batch(GateReport... events) {
        return new RecordGateEvents(java.util.List.of(events));
    }

    @Test
    void skipsIdsAlreadyStoredAndRepeatsInsideTheBatch() {
        stored = java.util.Set.of("old");
        VehiclesCleared fresh = new VehiclesCleared("new", "tan-thanh", Direction.EXPORT, 3, AT);
        fixture.given(new QueueObserved("q0", "tan-thanh", 40, 0.5, AT))
               .when(batch(new VehiclesCleared("old", "tan-thanh", Direction.EXPORT, 5, AT), fresh, fresh))
               .expectEvents(fresh)
               .expectResultMessagePayload(new RecordedBatch(1, 2));
    }

    @Test
    void holdsEveryReportToTheLimitsItsSourceKeeps() {
        int live = ReportLimits.LIVE.maxVehicles();
        fixture.given()
               .when(batch(new VehiclesCleared("big", "tan-thanh", Direction.EXPORT, live + 1, AT)))
               .expectNoEvents()
               .expectException(Rejection.class);
        VehiclesCleared day = new VehiclesCleared("day", "tan-thanh", Direction.EXPORT, live + 1, AT);
        fixture.given()
               .when(new RecordGateEvents(java.util.List.of(day), ReportLimits.DAILY_TOTALS))
               .expectEvents(day);
        int wider = ReportLimits.DAILY_TOTALS.maxVehicles();
        fixture.given()
               .when(new RecordGateEvents(java.util.List.of(
                       new VehiclesCleared("huge", "tan-thanh", Direction.EXPORT, wider + 1, AT)), ReportLimits.DAILY_TOTALS))
               .expectNoEvents()
               .expectException(Rejection.class);
        Gate gate = new Gate("chi-ma");
        assertThatThrownBy(() -> gate.record(new QueueObserved("q", "chi-ma", ReportLimits.LIVE.maxWaiting() + 1, null, AT)))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("waiting"));
        assertThatThrownBy(() -> gate.record(new GateReport.TurnoverRecorded("t", "chi-ma", Direction.IMPORT,
                ReportLimits.LIVE.maxUsdCents() + 1, AT))).isInstanceOf(Rejection.class);
    }

    @Test
    void theGatesStateNamesEveryGateEvent() {
        assertThat(borderwatch.readmodel.EventFamilies.forgotten(Gate.STATE.named())).isEmpty();
    }
}
