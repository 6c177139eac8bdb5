package borderwatch.board;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.core.Core;
import borderwatch.gate.ActivateResponsePlan;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.RecordGateEvents;
import borderwatch.province.Direction;
import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.service.ReadModels;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentActivityTest {

    private static final Instant AT = Instant.parse("2025-05-14T01:15:00Z");

    @TempDir
    Path data;

    @Test
    void keepsTheLatestItemsNewestFirstAndCountsOnlyWhatItShows() {
        ReadModel model = new ReadModel(Province.defaults(), gates -> List.of(new RecentActivity()));
        long position = 0;
        model.apply(++position, new VehiclesCleared("v", "tan-thanh", Direction.EXPORT, 3, AT));
        assertThat(RecentActivity.of(model).added()).as("a clearance is not an activity item").isZero();
        for (int i = 0; i < RecentActivity.ITEMS + 5; i++) {
            model.apply(++position, new QueueObserved("q" + i, "tan-thanh", i, null, AT.plusSeconds(i)));
        }
        List<RecentActivity.Item> items = RecentActivity.of(model).items();
        assertThat(items).hasSize(RecentActivity.ITEMS);
        assertThat(items.get(0).kind()).isEqualTo("queue");
        assertThat(items.get(0).waiting()).isEqualTo(RecentActivity.ITEMS + 4);
        assertThat(items.get(items.size() - 1).waiting()).isEqualTo(5);
        assertThat(RecentActivity.of(model).added()).isEqualTo(RecentActivity.ITEMS + 5);
    }

    @Test
    void routineQueueReportsNeverPushAPlanActivationOut() {
        ReadModel model = new ReadModel(Province.defaults(), gates -> List.of(new RecentActivity()));
        long position = 0;
        model.apply(++position, new borderwatch.gate.GateDecision.ResponsePlanActivated("p", "tan-thanh", 2, "Trực ban",
                "xe ùn", AT));
        // A morning of reports from five gates every five minutes.
        for (int i = 0; i < 5 * 12 * 4; i++) {
            model.apply(++position, new QueueObserved("q" + i, "tan-thanh", 0, null, AT.plusSeconds(60L * i)));
        }
        List<RecentActivity.Item> items = RecentActivity.of(model).items();
        assertThat(items).filteredOn(i -> i.kind().equals("queue")).hasSize(RecentActivity.ITEMS);
        assertThat(items.get(items.size() - 1).kind()).isEqualTo("response-plan-activated");
        assertThat(items.get(items.size() - 1).reason()).isEqualTo("xe ùn");
    }

    @Test
    void theListIsTheSameAfterARestart() throws Exception {
        List<RecentActivity.Item> before;
        try (Core core = Core.open(data, Province.defaults(), ReadModels.ALL)) {
            core.commands().sendAndWait(new RecordGateEvents(List.of(new QueueObserved("q", "chi-ma", 40, 0.5, AT))));
            core.commands().sendAndWait(new ActivateResponsePlan("chi-ma", 1, "Trực ban", "xe ùn", "r", AT));
            assertThat(core.awaitProjected(core.storage().headPosition(), 10_000)).isTrue();
            before = core.live().query(m -> RecentActivity.of(m).items());
        }
        assertThat(before).extracting(RecentActivity.Item::kind).containsExactly("response-plan-activated", "level", "queue");
        try (Core core = Core.open(data, Province.defaults(), ReadModels.ALL)) {
            List<RecentActivity.Item> after = core.live().query(m -> RecentActivity.of(m).items());
            assertThat(after).isEqualTo(before);
        }
    }
}
