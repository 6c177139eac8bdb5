package borderwatch.tradeplan;

/** What a plan command did: {@code SET}, {@code REVISED}, or {@code UNCHANGED} for a repeat. */
public enum PlanOutcome {
    SET,
    REVISED,
    UNCHANGED
}
