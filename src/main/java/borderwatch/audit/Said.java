package borderwatch.audit;

import borderwatch.gate.GateDecision.LevelCleared;
import borderwatch.gate.GateDecision.LevelRaised;
import borderwatch.gate.GateDecision.ResponsePlanActivated;
import borderwatch.gate.GateDecision.ResponsePlanStoodDown;
import borderwatch.gate.GateEvent;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.tradeplan.PlanEvent;

/** What a person typed with an action, where the event keeps it: who (by) and why (reason). */
record Said(String by, String reason) {

    private static final Said NOTHING = new Said(null, null);

    private static final Handler HANDLER = new Handler();

    static Said in(Object event) {
        if (event instanceof GateEvent e) {
            return e.accept(HANDLER);
        }
        if (event instanceof PlanEvent e) {
            return e.accept(HANDLER);
        }
        return NOTHING;
    }

    private static final class Handler implements GateEvent.Handler<Said>, PlanEvent.Handler<Said> {

        @Override
        public Said responsePlanActivated(ResponsePlanActivated a) {
            return new Said(a.by(), a.reason());
        }

        @Override
        public Said responsePlanStoodDown(ResponsePlanStoodDown d) {
            return new Said(d.by(), d.reason());
        }

        @Override
        public Said annualPlanSet(PlanEvent.AnnualPlanSet e) {
            return plan(e);
        }

        @Override
        public Said annualPlanRevised(PlanEvent.AnnualPlanRevised e) {
            return plan(e);
        }

        private static Said plan(PlanEvent p) {
            return new Said(null, p.reason().isEmpty() ? null : p.reason());
        }

        // Reports and level changes come from gate systems and rules, not from a person.

        @Override
        public Said vehiclesCleared(VehiclesCleared e) {
            return NOTHING;
        }

        @Override
        public Said turnoverRecorded(TurnoverRecorded e) {
            return NOTHING;
        }

        @Override
        public Said queueObserved(QueueObserved e) {
            return NOTHING;
        }

        @Override
        public Said levelRaised(LevelRaised e) {
            return NOTHING;
        }

        @Override
        public Said levelCleared(LevelCleared e) {
            return NOTHING;
        }
    }
}
