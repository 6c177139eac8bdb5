package borderwatch.sim;

import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.GoodsGroup;
import borderwatch.province.Province;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which goods a simulated report carries. Lạng Sơn's exports are about 80% fruit and vegetables, more
 * in the lychee and longan months (May to August) and before Tết; imports are mostly other goods. A
 * gate only ever reports goods it may export, so the three gates that take fruit carry almost nothing
 * else out: that is what makes the province-wide share. About one export in twenty is local produce.
 */
public final class GoodsMix {

    /** Weights by the default province's group ids; a group another file adds weighs 1. */
    private static final Map<String, Double> EXPORT_WEIGHTS = Map.of("fruit", 24.0, "other-produce", 1.0, "other", 0.5);
    private static final Map<String, Double> IMPORT_WEIGHTS = Map.of("fruit", 0.5, "other-produce", 1.0, "other", 8.5);
    static final double LOCAL_SHARE = 0.05;

    private final Province province;

    GoodsMix(Province province) {
        this.province = province;
    }

    /** A group for one report at {@code gate}, or null when the province counts no goods groups. */
    String draw(GateConfig gate, Direction direction, Month month, SplittableRandom random) {
        List<GoodsGroup> allowed = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double sum = 0;
        for (GoodsGroup g : province.goods()) {
            if (direction == Direction.EXPORT && !gate.mayExport(g.id())) {
                continue;
            }
            double w = (direction == Direction.EXPORT ? EXPORT_WEIGHTS : IMPORT_WEIGHTS).getOrDefault(g.id(), 1.0);
            if (direction == Direction.EXPORT && g.id().equals(province.watchedGoods())) {
                w *= harvest(month);
            }
            allowed.add(g);
            weights.add(w);
            sum += w;
        }
        if (allowed.isEmpty()) {
            return null;
        }
        double pick = random.nextDouble() * sum;
        for (int i = 0; i < allowed.size(); i++) {
            pick -= weights.get(i);
            if (pick < 0) {
                return allowed.get(i).id();
            }
        }
        return allowed.get(allowed.size() - 1).id();
    }

    /**
     * The usual share of {@code group} in {@code gate}'s exports, outside the seasons: 1 when the
     * province counts no goods groups (everything is "the" goods), 0 where the gate may not export it.
     */
    public static double usualExportShare(Province province, GateConfig gate, String group) {
        if (group == null || province.goods().isEmpty()) {
            return 1.0;
        }
        double sum = 0;
        double mine = 0;
        for (GoodsGroup g : province.goods()) {
            if (gate.mayExport(g.id())) {
                double w = EXPORT_WEIGHTS.getOrDefault(g.id(), 1.0);
                sum += w;
                mine += g.id().equals(group) ? w : 0;
            }
        }
        return sum == 0 ? 0 : mine / sum;
    }

    boolean local(Direction direction, SplittableRandom random) {
        return direction == Direction.EXPORT && random.nextDouble() < LOCAL_SHARE;
    }

    /** The fruit seasons: lychee and longan from May to August, and the weeks before Tết. */
    static double harvest(Month month) {
        return switch (month) {
            case MAY, JUNE, JULY, AUGUST -> 1.5;
            case DECEMBER, JANUARY -> 1.2;
            default -> 1.0;
        };
    }
}
