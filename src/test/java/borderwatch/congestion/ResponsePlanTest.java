package borderwatch.congestion;

import borderwatch.gate.ActivateResponsePlan;
import borderwatch.gate.Gate;
import borderwatch.gate.GateDecision.ResponsePlanActivated;
import borderwatch.gate.GateDecision.ResponsePlanStoodDown;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.StandDownResponsePlan;
import borderwatch.shared.Conflict;
import borderwatch.shared.Rejection;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who put which response plan into effect, and when, is recorded at the gate. */
class ResponsePlanTest {

    private static final Instant AT = Instant.parse("2025-07-01T03:00:00Z");
    private AggregateTestFixture<Gate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Gate.class);
    }

    @Test
    void recordsWhoActivatedWhichPlanAndWhy() {
        fixture.given(new QueueObserved("q1", "tan-thanh", 300, 0.8, AT))
               .when(new ActivateResponsePlan("tan-thanh", 2, "Nguyễn Văn A", "Xe xuất khẩu ùn ứ", "r1", AT))
               .expectEvents(new ResponsePlanActivated("r1", "tan-thanh", 2, "Nguyễn Văn A", "Xe xuất khẩu ùn ứ", AT));
    }

    @Test
    void aGateWithoutHistoryCanStillHaveAPlanActivated() {
        fixture.givenNoPriorActivity()
               .when(new ActivateResponsePlan("chi-ma", 1, "B", "dự phòng", "r1", AT))
               .expectEvents(new ResponsePlanActivated("r1", "chi-ma", 1, "B", "dự phòng", AT));
    }

    @Test
    void refusesASecondPlanWhileOneIsInEffect() {
        fixture.given(new ResponsePlanActivated("r1", "tan-thanh", 2, "A", "x", AT))
               .when(new ActivateResponsePlan("tan-thanh", 3, "A", "worse", "r2", AT))
               .expectNoEvents()
               .expectException(Conflict.class);
    }

    @Test
    void requiresAReasonAndAName() {
        fixture.given(new QueueObserved("q1", "tan-thanh", 300, 0.8, AT))
               .when(new ActivateResponsePlan("tan-thanh", 2, "A", "  ", "r1", AT))
               .expectNoEvents()
               .expectException(Rejection.class);
        fixture.given(new QueueObserved("q1", "tan-thanh", 300, 0.8, AT))
               .when(new ActivateResponsePlan("tan-thanh", 2, null, "x", "r1", AT))
               .expectNoEvents()
               .expectException(Rejection.class);
    }

    @Test
    void standsDownTheActivePlan() {
        fixture.given(new ResponsePlanActivated("r1", "tan-thanh", 2, "A", "x", AT))
               .when(new StandDownResponsePlan("tan-thanh", "C", "hết ùn tắc", "r2", AT.plusSeconds(3_600)))
               .expectEvents(new ResponsePlanStoodDown("r2", "tan-thanh", 2, "C", "hết ùn tắc", AT.plusSeconds(3_600)));
    }

    @Test
    void thereIsNothingToStandDownWithoutAnActivePlan() {
        fixture.given(new QueueObserved("q1", "tan-thanh", 3, 0.1, AT))
               .when(new StandDownResponsePlan("tan-thanh", "C", "x", "r2", AT))
               .expectNoEvents()
               .expectException(Conflict.class);
    }
}
