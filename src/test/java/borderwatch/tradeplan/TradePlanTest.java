package borderwatch.tradeplan;

import borderwatch.shared.Rejection;
import borderwatch.tradeplan.PlanEvent.AnnualPlanRevised;
import borderwatch.tradeplan.PlanEvent.AnnualPlanSet;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TradePlanTest {

    private static final Instant AT = Instant.parse("2025-01-02T03:00:00Z");
    private AggregateTestFixture<TradePlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TradePlan.class);
    }

    private static SetAnnualPlan plan(long exp, long imp, long total, String reason) {
        return SetAnnualPlan.of(2025, exp, imp, total, reason, "req-1", AT);
    }

    private static AnnualPlanSet planSet(long exp, long imp, long total) {
        return new AnnualPlanSet("req-0", 2025, exp, imp, total, "Kế hoạch năm", AT);
    }

    @Test
    void setsAPlanForAYearWithoutOne() {
        fixture.givenNoPriorActivity()
               .when(plan(100, 200, 300, "Kế hoạch năm"))
               .expectEvents(new AnnualPlanSet("req-1", 2025, 100, 200, 300, "Kế hoạch năm", AT))
               .expectResultMessagePayload(PlanOutcome.SET);
    }

    @Test
    void revisesAnExistingPlanWhenAReasonIsGiven() {
        fixture.given(planSet(100, 200, 300))
               .when(plan(150, 200, 350, "Điều chỉnh giữa năm"))
               .expectEvents(new AnnualPlanRevised("req-1", 2025, 150, 200, 350, "Điều chỉnh giữa năm", AT))
               .expectResultMessagePayload(PlanOutcome.REVISED);
    }

    @Test
    void refusesARevisionWithoutAReason() {
        fixture.given(planSet(100, 200, 300))
               .when(plan(150, 200, 350, "  "))
               .expectNoEvents()
               .expectException(Rejection.class);
    }

    @Test
    void repeatingTheSameFiguresChangesNothing() {
        fixture.given(planSet(100, 200, 300))
               .when(plan(100, 200, 300, "gửi lại"))
               .expectNoEvents()
               .expectResultMessagePayload(PlanOutcome.UNCHANGED);
    }

    @Test
    void refusesNegativeAmountsAndAZeroTotal() {
        fixture.givenNoPriorActivity().when(plan(-1, 200, 300, "x")).expectNoEvents()
               .expectException(Rejection.class);
        fixture.givenNoPriorActivity().when(plan(0, 0, 0, "x")).expectNoEvents()
               .expectException(Rejection.class);
    }
}
