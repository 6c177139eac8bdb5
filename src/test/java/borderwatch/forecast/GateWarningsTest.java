package borderwatch.forecast;

import borderwatch.forecast.WarningEvent.WarningIssued;
import borderwatch.forecast.WarningEvent.WarningWithdrawn;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A gate's early warning: at most one in force, replaced by a warning of another level, withdrawn once. */
class GateWarningsTest {

    private static final Instant AT = Instant.parse("2026-07-01T02:00:00Z");
    private static final Instant EXPECTED = AT.plusSeconds(3 * 3_600);
    private static final String ID = GateWarnings.idOf("tan-thanh");
    private AggregateTestFixture<GateWarnings> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GateWarnings.class);
    }

    private static GateWarnings.Issue issue(int level, String requestId) {
        return new GateWarnings.Issue(ID, "tan-thanh", level, "level-" + level, EXPECTED, requestId, AT);
    }

    private static WarningIssued issued(int level, String requestId) {
        return new WarningIssued(requestId, "tan-thanh", level, "level-" + level, EXPECTED, AT);
    }

    @Test
    void issuesTheFirstWarningOfAGate() {
        fixture.givenNoPriorActivity()
               .when(issue(2, "r1"))
               .expectEvents(issued(2, "r1"))
               .expectResultMessagePayload(true);
    }

    @Test
    void theSameLevelAgainChangesNothing() {
        fixture.given(issued(2, "r1"))
               .when(issue(2, "r2"))
               .expectNoEvents()
               .expectResultMessagePayload(false);
    }

    @Test
    void aWarningOfAnotherLevelSupersedesTheOneInForce() {
        fixture.given(issued(2, "r1"))
               .when(issue(3, "r2"))
               .expectEvents(new WarningWithdrawn("r2-w", "tan-thanh", 2, "superseded", AT), issued(3, "r2"))
               .expectResultMessagePayload(true);
    }

    @Test
    void withdrawsTheWarningInForceWithItsLevelAndReason() {
        fixture.given(issued(3, "r1"))
               .when(new GateWarnings.Withdraw(ID, "tan-thanh", "not-forecast", "r2", AT))
               .expectEvents(new WarningWithdrawn("r2", "tan-thanh", 3, "not-forecast", AT))
               .expectResultMessagePayload(true);
    }

    @Test
    void withdrawingWithNoneInForceChangesNothing() {
        fixture.given(issued(2, "r1"), new WarningWithdrawn("r2", "tan-thanh", 2, "reached", AT))
               .when(new GateWarnings.Withdraw(ID, "tan-thanh", "not-forecast", "r3", AT))
               .expectNoEvents()
               .expectResultMessagePayload(false);
    }

    @Test
    void aWithdrawnWarningCanBeIssuedAgain() {
        fixture.given(issued(2, "r1"), new WarningWithdrawn("r2", "tan-thanh", 2, "not-forecast", AT))
               .when(issue(2, "r3"))
               .expectEvents(issued(2, "r3"))
               .expectResultMessagePayload(true);
    }
}
