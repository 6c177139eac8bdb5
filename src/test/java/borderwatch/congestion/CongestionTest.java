package borderwatch.congestion;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.readmodel.FoldedModel;
import borderwatch.readmodel.ReadModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The congestion fold, in a read model of its own. */
class CongestionTest {

    private final FoldedModel folded = new FoldedModel(gates -> List.of(new Congestion()));
    private final ReadModel model = folded.model();

    private void fold(Object event) {
        folded.fold(event);
    }

    @Test
    void aLateQueueReportDoesNotOverwriteANewerOne() {
        fold(new QueueObserved("q2", "tan-thanh", 120, 0.8, FoldedModel.local("2025-05-14T09:00:00")));
        fold(new QueueObserved("q1", "tan-thanh", 20, 0.1, FoldedModel.local("2025-05-14T08:00:00")));
        assertThat(Congestion.of(model).queue("tan-thanh").waiting()).isEqualTo(120);
    }
}
