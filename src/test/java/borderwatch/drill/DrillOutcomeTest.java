package borderwatch.drill;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.readmodel.EventFamilies;
import org.junit.jupiter.api.Test;

class DrillOutcomeTest {

    @Test
    void theQueueTallyNamesEveryGateEvent() {
        assertThat(EventFamilies.forgotten(DrillOutcome.tallyEventTypes())).isEmpty();
    }
}
