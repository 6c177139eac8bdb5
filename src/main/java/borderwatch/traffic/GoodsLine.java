package borderwatch.traffic;

import borderwatch.province.Direction;

/** Vehicles and turnover of one goods group, both directions. Immutable. */
public record GoodsLine(long exportVehicles, long importVehicles, long exportUsdCents, long importUsdCents) {

    public static final GoodsLine EMPTY = new GoodsLine(0, 0, 0, 0);

    GoodsLine cleared(Direction direction, long vehicles) {
        return direction == Direction.EXPORT
                ? new GoodsLine(exportVehicles + vehicles, importVehicles, exportUsdCents, importUsdCents)
                : new GoodsLine(exportVehicles, importVehicles + vehicles, exportUsdCents, importUsdCents);
    }

    GoodsLine turnover(Direction direction, long usdCents) {
        return direction == Direction.EXPORT
                ? new GoodsLine(exportVehicles, importVehicles, exportUsdCents + usdCents, importUsdCents)
                : new GoodsLine(exportVehicles, importVehicles, exportUsdCents, importUsdCents + usdCents);
    }

    public GoodsLine plus(GoodsLine other) {
        return new GoodsLine(exportVehicles + other.exportVehicles, importVehicles + other.importVehicles,
                exportUsdCents + other.exportUsdCents, importUsdCents + other.importUsdCents);
    }
}
