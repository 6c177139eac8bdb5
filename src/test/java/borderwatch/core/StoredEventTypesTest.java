package borderwatch.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.gate.GateEvent;
import borderwatch.tradeplan.PlanEvent;
import borderwatch.store.EventTypeRegistry;
import borderwatch.store.StoredAs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredEventTypesTest {

    /** Every record a sealed event type permits, however deep. */
    private static List<Class<?>> leaves(Class<?> type) {
        List<Class<?>> out = new ArrayList<>();
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                out.addAll(leaves(sub));
            }
        } else {
            out.add(type);
        }
        return out;
    }

    @Test
    void everyEventTypeIsRegisteredUnderTheNameWrittenOnIt() {
        EventTypeRegistry registry = StoredEventTypes.registry();
        List<Class<?>> events = new ArrayList<>(leaves(GateEvent.class));
        events.addAll(leaves(PlanEvent.class));
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
