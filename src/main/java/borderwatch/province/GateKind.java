package borderwatch.province;

public enum GateKind {
    ROAD,
    RAIL
}
