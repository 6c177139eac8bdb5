package borderwatch.store.kurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.plan.SetAnnualPlan;
import org.junit.jupiter.api.Test;

class StreamNamesTest {

    @Test
    void streamsComeFromTheAggregateIdAlone() {
        assertThat(StreamNames.ofAggregate("tan-thanh")).isEqualTo("bw-tan-thanh");
        assertThat(StreamNames.ofAggregate(SetAnnualPlan.planIdOf(2025))).isEqualTo("bw-plan-2025");
        assertThat(StreamNames.snapshotsOf("tan-thanh")).isEqualTo("bw-snapshot-tan-thanh");
        assertThat(StreamNames.aggregateIdOf("bw-tan-thanh")).isEqualTo("tan-thanh");
        assertThatThrownBy(() -> StreamNames.ofAggregate(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyOurEventStreamsAreRead() {
        assertThat(StreamNames.isEventStream("bw-huu-nghi")).isTrue();
        assertThat(StreamNames.isEventStream("bw-snapshot-huu-nghi")).isFalse();
        assertThat(StreamNames.isEventStream("$stats-127.0.0.1:2113")).isFalse();
        assertThat(StreamNames.isEventStream("orders-42")).isFalse();
        assertThatThrownBy(() -> StreamNames.aggregateIdOf("orders-42")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventIdsAreStableUuids() {
        assertThat(StreamNames.eventId("tt-2025-05-14-0815-x")).isEqualTo(StreamNames.eventId("tt-2025-05-14-0815-x"))
                .isNotEqualTo(StreamNames.eventId("tt-2025-05-14-0815-y"));
        assertThat(StreamNames.eventId("a").version()).isEqualTo(3);
    }
}
