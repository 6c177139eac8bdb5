package borderwatch.traffic;

import borderwatch.gate.Direction;

/** One gate's totals for one local day. Immutable; each report yields a new value. */
public record GateDay(long exportVehicles, long importVehicles, long exportUsdCents, long importUsdCents) {

    public static final GateDay EMPTY = new GateDay(0, 0, 0, 0);

    public GateDay cleared(Direction direction, int vehicles) {
        return direction == Direction.EXPORT
                ? new GateDay(exportVehicles + vehicles, importVehicles, exportUsdCents, importUsdCents)
                : new GateDay(exportVehicles, importVehicles + vehicles, exportUsdCents, importUsdCents);
    }

    public GateDay turnover(Direction direction, long usdCents) {
        return direction == Direction.EXPORT
                ? new GateDay(exportVehicles, importVehicles, exportUsdCents + usdCents, importUsdCents)
                : new GateDay(exportVehicles, importVehicles, exportUsdCents, importUsdCents + usdCents);
    }

    public GateDay plus(GateDay other) {
        return new GateDay(exportVehicles + other.exportVehicles, importVehicles + other.importVehicles,
                exportUsdCents + other.exportUsdCents, importUsdCents + other.importUsdCents);
    }

    public long vehicles() {
        return exportVehicles + importVehicles;
    }

    public long usdCents() {
        return exportUsdCents + importUsdCents;
    }
}
