package borderwatch.traffic;

import borderwatch.province.Direction;
import java.util.HashMap;
import java.util.Map;

/**
 * One gate's totals for one local day. Immutable; each report yields a new value. {@code goods}
 * holds the reports that named a goods group, by group; what no group claims is unclassified.
 * {@code localExportUsdCents} is the part of the export turnover reported as local goods.
 */
public record GateDay(long exportVehicles, long importVehicles, long exportUsdCents, long importUsdCents,
                      long localExportUsdCents, Map<String, GoodsLine> goods) {

    public static final GateDay EMPTY = new GateDay(0, 0, 0, 0);

    public GateDay {
        goods = goods == null ? Map.of() : goods;
    }

    public GateDay(long exportVehicles, long importVehicles, long exportUsdCents, long importUsdCents) {
        this(exportVehicles, importVehicles, exportUsdCents, importUsdCents, 0, Map.of());
    }

    public GateDay cleared(Direction direction, int vehicles) {
        return cleared(direction, vehicles, null);
    }

    public GateDay cleared(Direction direction, int vehicles, String group) {
        Map<String, GoodsLine> g = group == null ? goods : with(group, goodsLine(group).cleared(direction, vehicles));
        return direction == Direction.EXPORT
                ? new GateDay(exportVehicles + vehicles, importVehicles, exportUsdCents, importUsdCents, localExportUsdCents, g)
                : new GateDay(exportVehicles, importVehicles + vehicles, exportUsdCents, importUsdCents, localExportUsdCents, g);
    }

    public GateDay turnover(Direction direction, long usdCents) {
        return turnover(direction, usdCents, null, false);
    }

    public GateDay turnover(Direction direction, long usdCents, String group, boolean local) {
        Map<String, GoodsLine> g = group == null ? goods : with(group, goodsLine(group).turnover(direction, usdCents));
        return direction == Direction.EXPORT
                ? new GateDay(exportVehicles, importVehicles, exportUsdCents + usdCents, importUsdCents,
                        local ? localExportUsdCents + usdCents : localExportUsdCents, g)
                : new GateDay(exportVehicles, importVehicles, exportUsdCents, importUsdCents + usdCents, localExportUsdCents, g);
    }

    public GateDay plus(GateDay other) {
        Map<String, GoodsLine> g = goods;
        if (!other.goods.isEmpty()) {
            Map<String, GoodsLine> sum = new HashMap<>(goods);
            other.goods.forEach((k, v) -> sum.merge(k, v, GoodsLine::plus));
            g = Map.copyOf(sum);
        }
        return new GateDay(exportVehicles + other.exportVehicles, importVehicles + other.importVehicles,
                exportUsdCents + other.exportUsdCents, importUsdCents + other.importUsdCents,
                localExportUsdCents + other.localExportUsdCents, g);
    }

    /** The totals of one goods group; empty when no report named it. */
    public GoodsLine goodsLine(String group) {
        return goods.getOrDefault(group, GoodsLine.EMPTY);
    }

    /** What no goods group claims: the reports that named none. */
    public GoodsLine unclassified() {
        GoodsLine classified = GoodsLine.EMPTY;
        for (GoodsLine line : goods.values()) {
            classified = classified.plus(line);
        }
        return new GoodsLine(exportVehicles - classified.exportVehicles(), importVehicles - classified.importVehicles(),
                exportUsdCents - classified.exportUsdCents(), importUsdCents - classified.importUsdCents());
    }

    private Map<String, GoodsLine> with(String group, GoodsLine line) {
        Map<String, GoodsLine> copy = new HashMap<>(goods);
        copy.put(group, line);
        return Map.copyOf(copy);
    }

    public long vehicles() {
        return exportVehicles + importVehicles;
    }

    public long usdCents() {
        return exportUsdCents + importUsdCents;
    }
}
