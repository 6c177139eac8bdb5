package borderwatch.audit;

import borderwatch.gate.GateDecision.ResponsePlanActivated;
import borderwatch.gate.GateDecision.ResponsePlanStoodDown;
import borderwatch.plan.PlanEvent;

/** What a person typed with an action, where the event keeps it: who (by) and why (reason). */
final class Said {

    private Said() {
    }

    static String by(Object event) {
        if (event instanceof ResponsePlanActivated a) {
            return a.by();
        }
        if (event instanceof ResponsePlanStoodDown d) {
            return d.by();
        }
        return null;
    }

    static String reason(Object event) {
        if (event instanceof ResponsePlanActivated a) {
            return a.reason();
        }
        if (event instanceof ResponsePlanStoodDown d) {
            return d.reason();
        }
        if (event instanceof PlanEvent p) {
            return p.reason().isEmpty() ? null : p.reason();
        }
        return null;
    }
}
