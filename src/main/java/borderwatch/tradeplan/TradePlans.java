package borderwatch.tradeplan;

import borderwatch.gate.GateDecision.LevelCleared;
import borderwatch.gate.GateDecision.LevelRaised;
import borderwatch.gate.GateDecision.ResponsePlanActivated;
import borderwatch.gate.GateDecision.ResponsePlanStoodDown;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateEvent;
import borderwatch.readmodel.Fold;
import borderwatch.readmodel.ReadModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The annual trade plan in force for each year. */
public final class TradePlans implements Fold, GateEvent.Handler<Void>, PlanEvent.Handler<Void> {

    private final Map<Integer, PlanFigures> plans = new HashMap<>();

    /** The trade-plan fold of {@code model}. */
    public static TradePlans of(ReadModel model) {
        return model.get(TradePlans.class);
    }

    @Override
    public void apply(Object event) {
        if (event instanceof GateEvent e) {
            e.accept(this);
        } else if (event instanceof PlanEvent e) {
            e.accept(this);
        }
    }

    @Override
    public Void annualPlanSet(PlanEvent.AnnualPlanSet e) {
        return fold(e);
    }

    @Override
    public Void annualPlanRevised(PlanEvent.AnnualPlanRevised e) {
        return fold(e);
    }

    private Void fold(PlanEvent e) {
        plans.put(e.year(), PlanFigures.fold(plans.get(e.year()), e));
        return null;
    }

    @Override
    public Void vehiclesCleared(VehiclesCleared e) {
        return null;
    }

    @Override
    public Void turnoverRecorded(TurnoverRecorded e) {
        return null;
    }

    @Override
    public Void queueObserved(QueueObserved e) {
        return null;
    }

    @Override
    public Void levelRaised(LevelRaised e) {
        return null;
    }

    @Override
    public Void levelCleared(LevelCleared e) {
        return null;
    }

    @Override
    public Void responsePlanActivated(ResponsePlanActivated e) {
        return null;
    }

    @Override
    public Void responsePlanStoodDown(ResponsePlanStoodDown e) {
        return null;
    }

    public Optional<PlanFigures> plan(int year) {
        return Optional.ofNullable(plans.get(year));
    }

    @Override
    public TradePlans copy() {
        TradePlans c = new TradePlans();
        c.plans.putAll(plans);
        return c;
    }
}
