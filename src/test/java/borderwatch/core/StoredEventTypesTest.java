package borderwatch.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import borderwatch.gate.GateEvent;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.province.Direction;
import borderwatch.readmodel.EventFamilies;
import borderwatch.store.EventCodec;
import borderwatch.store.EventTypeRegistry;
import borderwatch.store.StoredAs;
import borderwatch.tradeplan.PlanEvent.AnnualPlanRevised;
import borderwatch.tradeplan.PlanEvent.AnnualPlanSet;
import borderwatch.tradeplan.PlanEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredEventTypesTest {

    private static final Instant AT = Instant.parse("2019-03-01T05:00:00Z");
    private final EventCodec codec = new EventCodec(StoredEventTypes.registry());

    @Test
    void everyEventTypeIsRegisteredUnderTheNameWrittenOnIt() {
        EventTypeRegistry registry = StoredEventTypes.registry();
        List<Class<?>> events = new ArrayList<>(EventFamilies.leaves(GateEvent.class));
        events.addAll(EventFamilies.leaves(PlanEvent.class));
        events.addAll(EventFamilies.leaves(borderwatch.forecast.WarningEvent.class));
        assertThat(events).hasSize(12);
        for (Class<?> type : events) {
            assertThat(registry.nameOf(type)).as(type.getName())
                    .isEqualTo(type.getAnnotation(StoredAs.class).value());
        }
        // and the gate snapshot, and the four first versions still read through upcasters
        assertThat(registry.all()).hasSize(events.size() + 1 + 4);
    }

    @Test
    void aTypeWithoutAStoredNameIsRefused() {
        assertThatThrownBy(() -> new EventTypeRegistry().register(String.class))
                .hasMessageContaining("@StoredAs");
    }

    private Object decode(String name, String json) {
        return codec.decode(name, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void firstVersionReportsReadAsUnclassifiedAndNotLocal() {
        // Exactly what a store written before goods groups holds.
        assertThat(decode("gate.vehicles-cleared.v1", """
                {"eventId":"e1","gate":"tan-thanh","direction":"EXPORT","vehicles":12,"at":"2019-03-01T05:00:00Z"}"""))
                .isEqualTo(new VehiclesCleared("e1", "tan-thanh", Direction.EXPORT, 12, AT, null, false));
        assertThat(decode("gate.turnover-recorded.v1", """
                {"eventId":"e2","gate":"huu-nghi","direction":"EXPORT","usdCents":1250050,"at":"2019-03-01T05:00:00Z"}"""))
                .isEqualTo(new TurnoverRecorded("e2", "huu-nghi", Direction.EXPORT, 1_250_050, AT, null, false));
    }

    @Test
    void firstVersionPlansReadWithoutLocalOrGoodsTargets() {
        assertThat(decode("plan.annual-plan-set.v1", """
                {"eventId":"p1","year":2019,"exportUsdCents":314800000000,"importUsdCents":208100000000,\
                "totalUsdCents":522000000000,"reason":"Kế hoạch năm","at":"2019-03-01T05:00:00Z"}"""))
                .isEqualTo(new AnnualPlanSet("p1", 2019, 314_800_000_000L, 208_100_000_000L, 522_000_000_000L,
                        "Kế hoạch năm", AT, 0, Map.of()));
        assertThat(decode("plan.annual-plan-revised.v1", """
                {"eventId":"p2","year":2019,"exportUsdCents":1,"importUsdCents":2,"totalUsdCents":3,\
                "reason":"điều chỉnh","at":"2019-03-01T05:00:00Z"}"""))
                .isEqualTo(new AnnualPlanRevised("p2", 2019, 1, 2, 3, "điều chỉnh", AT, 0, Map.of()));
    }

    @Test
    void newEventsAreWrittenAsTheCurrentVersionAndReadBackWhole() {
        VehiclesCleared fruit = new VehiclesCleared("e3", "coc-nam", Direction.EXPORT, 4, AT, "fruit", true);
        assertThat(codec.typeName(fruit)).isEqualTo("gate.vehicles-cleared.v2");
        assertThat(codec.decode(codec.typeName(fruit), codec.encode(fruit))).isEqualTo(fruit);
        AnnualPlanSet plan = new AnnualPlanSet("p3", 2026, 1, 2, 3, "", AT, 137_500_000_00L, Map.of("fruit", 5L));
        assertThat(codec.typeName(plan)).isEqualTo("plan.annual-plan-set.v2");
        assertThat(codec.decode(codec.typeName(plan), codec.encode(plan))).isEqualTo(plan);
    }

    @Test
    void aStoredFirstVersionThatIsNotAnObjectIsAClearError() {
        assertThatThrownBy(() -> decode("gate.vehicles-cleared.v1", "[1,2]"))
                .hasMessageContaining("gate.vehicles-cleared.v1");
    }
}
