package borderwatch.store.kurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.store.EventCodec;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

/** What Axon's processors rely on from a tracking token, for positions in $all. */
class AllPositionTest {

    private static final AllPosition A = new AllPosition(100, 100);
    private static final AllPosition B = new AllPosition(100, 90);
    private static final AllPosition C = new AllPosition(250, 240);

    @Test
    void ordersByCommitThenPrepare() {
        assertThat(B).isLessThan(A);
        assertThat(A).isLessThan(C);
        assertThat(new AllPosition(100, 100)).isEqualTo(A).hasSameHashCodeAs(A);
        assertThat(B).isNotEqualTo(A);
    }

    @Test
    void coversWhatIsAtOrBeforeIt() {
        assertThat(A.covers(null)).as("every token covers the start").isTrue();
        assertThat(A.covers(B)).isTrue();
        assertThat(A.covers(A)).isTrue();
        assertThat(A.covers(C)).isFalse();
        assertThat(B.covers(A)).isFalse();
        assertThatThrownBy(() -> A.covers(new GlobalSequenceTrackingToken(5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boundsAreTheEarlierAndTheLaterAndDoNotDependOnOrder() {
        assertThat(A.lowerBound(C)).isEqualTo(A).isEqualTo(C.lowerBound(A));
        assertThat(A.upperBound(C)).isEqualTo(C).isEqualTo(C.upperBound(A));
        assertThat(A.lowerBound(B)).isEqualTo(B);
        assertThat(A.lowerBound(A)).isSameAs(A);
        assertThat(A.upperBound(C).covers(A.lowerBound(C))).isTrue();
    }

    @Test
    void aReadFromAPositionSkipsTheEventAtIt() {
        // KurrentDB reads $all from a position inclusively; the token already handled that event.
        assertThat(A.alreadyCovers(100, 100)).isTrue();
        assertThat(A.alreadyCovers(100, 90)).isTrue();
        assertThat(A.alreadyCovers(101, 101)).isFalse();
    }

    @Test
    void reportsItsPreparePositionAndSamePosition() {
        // Events of one transaction share a commit position; only the prepare position tells them apart.
        assertThat(C.position()).hasValue(240);
        assertThat(new AllPosition(100, 130).position()).hasValue(130);
        assertThat(A.samePositionAs(new AllPosition(100, 100))).isTrue();
        assertThat(A.samePositionAs(B)).isFalse();
        assertThat(A.samePositionAs(null)).isFalse();
    }

    @Test
    void refusesImpossiblePositions() {
        assertThatThrownBy(() -> new AllPosition(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AllPosition(10, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void survivesTheTokenStoresJson() throws Exception {
        var mapper = EventCodec.newMapper();
        String json = mapper.writeValueAsString(C);
        assertThat(json).isEqualTo("{\"commit\":250,\"prepare\":240}");
        assertThat(mapper.readValue(json, AllPosition.class)).isEqualTo(C);
    }
}
