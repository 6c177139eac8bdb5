package borderwatch.province;

import java.util.stream.Collectors;

/**
 * Whether a report may name a goods group: the province must count by it and, for an export, the
 * gate must be one the goods may leave by. Written once for the batch parser, which answers 400 with
 * the field, and the gate's command handler, which sees reports that come another way.
 */
public final class GoodsCheck {

    private GoodsCheck() {
    }

    /** Why {@code group} is refused for this report, or null when it is accepted (also for no group). */
    public static String refusal(Province province, String gate, Direction direction, String group) {
        if (group == null) {
            return null;
        }
        if (province.goodsGroup(group).isEmpty()) {
            return province.goods().isEmpty() ? "this province's gates file names no goods groups"
                    : "unknown goods group '" + group + "'; expected one of "
                      + province.goods().stream().map(GoodsGroup::id).collect(Collectors.joining(", "));
        }
        GateConfig g = gate == null ? null : province.find(gate).orElse(null);
        if (direction == Direction.EXPORT && g != null && !g.mayExport(group)) {
            return "gate " + gate + " may not export '" + group + "'; it exports only "
                   + String.join(", ", g.exportGoods());
        }
        return null;
    }
}
