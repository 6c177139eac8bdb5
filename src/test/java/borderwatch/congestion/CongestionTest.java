package borderwatch.congestion;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.gate.Direction;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.tradeplan.PlanEvent.AnnualPlanRevised;
import borderwatch.tradeplan.PlanEvent.AnnualPlanSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The congestion fold, in a read model of its own. */
class CongestionTest {

    private final ReadModel model = new ReadModel(Province.defaults(), gates -> List.of(new Congestion()));
    private long position;

    private void fold(Object event) {
        model.apply(++position, event);
    }

    private static Instant local(String isoLocal) {
        return java.time.LocalDateTime.parse(isoLocal).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
    }

    @Test
    void aLateQueueReportDoesNotOverwriteANewerOne() {
        fold(new QueueObserved("q2", "tan-thanh", 120, 0.8, local("2025-05-14T09:00:00")));
        fold(new QueueObserved("q1", "tan-thanh", 20, 0.1, local("2025-05-14T08:00:00")));
        assertThat(Congestion.of(model).queue("tan-thanh").waiting()).isEqualTo(120);
    }
}
