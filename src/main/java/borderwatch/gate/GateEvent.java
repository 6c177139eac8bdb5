package borderwatch.gate;

import borderwatch.readmodel.BusinessTimed;
import borderwatch.store.IdentifiedEvent;
import java.time.Instant;

/**
 * Everything stored on a gate's stream: what a gate system reports ({@link GateReport}) and what the
 * gate itself decides from those reports and from coordinators' commands ({@link GateDecision}).
 * Every event carries the id its source gave it and the business time.
 */
public sealed interface GateEvent extends IdentifiedEvent, BusinessTimed permits GateReport, GateDecision {

    String gate();

    @Override
    Instant at();
}
