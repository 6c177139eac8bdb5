package borderwatch.store.kurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.tradeplan.SetAnnualPlan;
import org.junit.jupiter.api.Test;

class StreamNamesTest {

    private static final StreamNames NAMES = StreamNames.BORDERWATCH;

    @Test
    void streamsComeFromTheAggregateIdAlone() {
        assertThat(NAMES.ofAggregate("tan-thanh")).isEqualTo("bw-tan-thanh");
        assertThat(NAMES.ofAggregate(SetAnnualPlan.planIdOf(2025))).isEqualTo("bw-plan-2025");
        assertThat(NAMES.snapshotsOf("tan-thanh")).isEqualTo("bw-snapshot-tan-thanh");
        assertThat(NAMES.aggregateIdOf("bw-tan-thanh")).isEqualTo("tan-thanh");
        assertThatThrownBy(() -> NAMES.ofAggregate(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyOurEventStreamsAreRead() {
        assertThat(NAMES.isEventStream("bw-huu-nghi")).isTrue();
        assertThat(NAMES.isEventStream("bw-snapshot-huu-nghi")).isFalse();
        assertThat(NAMES.isEventStream("$stats-127.0.0.1:2113")).isFalse();
        assertThat(NAMES.isEventStream("orders-42")).isFalse();
        assertThatThrownBy(() -> NAMES.aggregateIdOf("orders-42")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherPrefixKeepsAnotherDataSetApart() {
        StreamNames trial = new StreamNames("bwt42-");
        assertThat(trial.ofAggregate("chi-ma")).isEqualTo("bwt42-chi-ma");
        assertThat(trial.isEventStream("bw-chi-ma")).isFalse();
        assertThat(NAMES.isEventStream("bwt42-chi-ma")).isFalse();
        assertThatThrownBy(() -> new StreamNames("BW")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventIdsAreStableUuids() {
        assertThat(StreamNames.eventId("tt-2025-05-14-0815-x")).isEqualTo(StreamNames.eventId("tt-2025-05-14-0815-x"))
                .isNotEqualTo(StreamNames.eventId("tt-2025-05-14-0815-y"));
        assertThat(StreamNames.eventId("a").version()).isEqualTo(3);
    }
}
