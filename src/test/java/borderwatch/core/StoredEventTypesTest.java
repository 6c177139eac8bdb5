package borderwatch.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.gate.GateEvent;
import borderwatch.readmodel.EventFamilies;
import borderwatch.store.EventTypeRegistry;
import borderwatch.store.StoredAs;
import borderwatch.tradeplan.PlanEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredEventTypesTest {

    @Test
    void everyEventTypeIsRegisteredUnderTheNameWrittenOnIt() {
        EventTypeRegistry registry = StoredEventTypes.registry();
        List<Class<?>> events = new ArrayList<>(EventFamilies.leaves(GateEvent.class));
        events.addAll(EventFamilies.leaves(PlanEvent.class));
        assertThat(events).hasSize(9);
        for (Class<?> type : events) {
            assertThat(registry.nameOf(type)).as(type.getName())
                    .isEqualTo(type.getAnnotation(StoredAs.class).value());
        }
        assertThat(registry.all()).hasSize(events.size() + 1); // and the gate snapshot
    }

    @Test
    void aTypeWithoutAStoredNameIsRefused() {
        assertThatThrownBy(() -> new EventTypeRegistry().register(String.class))
                .hasMessageContaining("@StoredAs");
    }
}
