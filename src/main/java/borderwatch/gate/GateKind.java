package borderwatch.gate;

public enum GateKind {
    ROAD,
    RAIL
}
