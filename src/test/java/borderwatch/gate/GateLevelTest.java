package borderwatch.gate;

import borderwatch.gate.GateDecision.LevelCleared;
import borderwatch.gate.GateDecision.LevelRaised;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.province.GateConfig;
import borderwatch.province.GateKind;
import borderwatch.province.LevelPolicyTest;
import borderwatch.province.Province;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gate decides its congestion level from queue observations. */
class GateLevelTest {

    private static final Instant T0 = Instant.parse("2025-07-01T02:00:00Z");
    private static final Province GATES = new Province("test", "Thử", "Test", ZoneId.of("Asia/Ho_Chi_Minh"), List.of(
            new GateConfig("tan-thanh", "Tân Thanh", "Tan Thanh", GateKind.ROAD, ZoneId.of("Asia/Ho_Chi_Minh"),
                    50, 450, LevelPolicyTest.POLICY)));
    private AggregateTestFixture<Gate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Gate.class);
        fixture.registerAnnotatedCommandHandler(new GateEventRecorder(fixture.getRepository(), ids -> Set.of(), GATES));
    }

    private static QueueObserved observed(String id, int waiting, Double occupancy, int minutes) {
        return new QueueObserved(id, "tan-thanh", waiting, occupancy, T0.plusSeconds(60L * minutes));
    }

    private static RecordGateEvents observe(QueueObserved q) {
        return new RecordGateEvents(List.of(q));
    }

    @Test
    void raisesAlertWhenWaitingCrossesThreshold() {
        QueueObserved q = observed("q2", 210, 0.4, 10);
        fixture.given(observed("q1", 40, 0.1, 0))
               .when(observe(q))
               .expectEvents(q, new LevelRaised("q2:level", "tan-thanh", 0, 2, "waiting", 210, 0.4, q.at()));
    }

    @Test
    void raisesOnYardOccupancyAlone() {
        QueueObserved q = observed("q2", 20, 0.95, 10);
        fixture.given(observed("q1", 40, 0.1, 0))
               .when(observe(q))
               .expectEvents(q, new LevelRaised("q2:level", "tan-thanh", 0, 2, "yardOccupancy", 20, 0.95, q.at()));
    }

    @Test
    void staysRaisedWhileTheQueueHoversBetweenTheThresholds() {
        QueueObserved q = observed("q3", 160, 0.5, 20);
        fixture.given(observed("q1", 210, 0.4, 0),
                      new LevelRaised("q1:level", "tan-thanh", 0, 2, "waiting", 210, 0.4, T0))
               .when(observe(q))
               .expectEvents(q);
    }

    @Test
    void clearsStepByStepOnceBelowTheClearThresholds() {
        QueueObserved q = observed("q3", 120, 0.5, 20);
        fixture.given(observed("q1", 210, 0.4, 0),
                      new LevelRaised("q1:level", "tan-thanh", 0, 2, "waiting", 210, 0.4, T0))
               .when(observe(q))
               .expectEvents(q, new LevelCleared("q3:level", "tan-thanh", 2, 1, 120, 0.5, q.at()));
    }

    @Test
    void aLateObservationDoesNotMoveTheLevel() {
        QueueObserved late = observed("q0", 10, 0.0, -30);
        fixture.given(observed("q1", 210, 0.4, 0),
                      new LevelRaised("q1:level", "tan-thanh", 0, 2, "waiting", 210, 0.4, T0))
               .when(observe(late))
               .expectEvents(late);
    }
}
