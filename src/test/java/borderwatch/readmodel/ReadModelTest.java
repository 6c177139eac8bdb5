package borderwatch.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.province.Direction;
import borderwatch.province.Province;
import borderwatch.shared.EventRoutes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadModelTest {

    /** Remembers what it was given, to see what the composition hands its folds. */
    private static final class Seen implements Fold {
        final List<Object> events = new ArrayList<>();

        @Override
        public EventRoutes<?> routes() {
            return new EventRoutes<Seen>().on(VehiclesCleared.class, (f, e) -> f.events.add(e));
        }

        @Override
        public Seen copy() {
            Seen c = new Seen();
            c.events.addAll(events);
            return c;
        }
    }

    private static final VehiclesCleared EVENT =
            new VehiclesCleared("a", "chi-ma", Direction.IMPORT, 3, Instant.parse("2025-03-01T03:00:00Z"));

    @Test
    void anEventAppliedTwiceReachesTheFoldsOnce() {
        ReadModel model = new ReadModel(Province.defaults(), gates -> List.of(new Seen()));
        assertThat(model.apply(1, EVENT)).isTrue();
        assertThat(model.apply(1, EVENT)).isFalse();
        assertThat(model.apply(0, EVENT)).isFalse();
        assertThat(model.get(Seen.class).events).containsExactly(EVENT);
        assertThat(model.position()).isEqualTo(1);
        assertThat(model.appliedCount()).isEqualTo(1);
    }

    @Test
    void aCopyMovesOnWithoutTheOriginal() {
        ReadModel model = new ReadModel(Province.defaults(), gates -> List.of(new Seen()));
        model.apply(1, EVENT);
        ReadModel copy = model.copy();
        copy.apply(2, EVENT);
        assertThat(model.get(Seen.class).events).hasSize(1);
        assertThat(copy.get(Seen.class).events).hasSize(2);
        assertThat(copy.position()).isEqualTo(2);
        assertThat(model.position()).isEqualTo(1);
    }

    @Test
    void askingForAFoldTheModelIsNotMadeOfSaysWhich() {
        ReadModel model = new ReadModel(Province.defaults(), gates -> List.of());
        assertThatThrownBy(() -> model.get(Seen.class)).hasMessageContaining("Seen");
    }
}
