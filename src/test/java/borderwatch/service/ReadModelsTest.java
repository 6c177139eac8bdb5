package borderwatch.service;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.StoredEventTypes;
import borderwatch.gate.Gate;
import borderwatch.gate.GateReport;
import borderwatch.province.Province;
import borderwatch.readmodel.EventFamilies;
import borderwatch.readmodel.Fold;
import borderwatch.shared.EventRoutes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadModelsTest {

    private final List<Fold> folds = ReadModels.ALL.apply(Province.defaults());

    @Test
    void everyFoldNamesEveryTypeOfTheFamiliesItFollows() {
        for (Fold fold : folds) {
            assertThat(fold.eventTypes()).as(fold.getClass().getSimpleName() + " follows something").isNotEmpty();
            assertThat(EventFamilies.forgotten(fold.eventTypes()))
                    .as(fold.getClass().getSimpleName() + " must handle or ignore these by name").isEmpty();
        }
    }

    @Test
    void everyStoredEventTypeIsReadBySomeFold() {
        Set<Class<?>> named = new HashSet<>();
        folds.forEach(f -> named.addAll(f.eventTypes()));
        Set<Class<?>> stored = new HashSet<>(StoredEventTypes.registry().all().values());
        stored.remove(Gate.class); // a snapshot, not an event
        assertThat(named).containsAll(stored);
    }

    @Test
    void aFoldThatForgetsATypeOfItsFamilyIsCaught() {
        Set<Class<?>> partial = new EventRoutes<Object>()
                .on(GateReport.VehiclesCleared.class, (f, e) -> { })
                .ignore(GateReport.TurnoverRecorded.class).named();
        assertThat(EventFamilies.forgotten(partial)).contains(GateReport.QueueObserved.class)
                .doesNotContain(GateReport.VehiclesCleared.class, GateReport.TurnoverRecorded.class);
    }
}
