package borderwatch.board;

import borderwatch.province.GateConfig;
import borderwatch.province.GoodsGroup;
import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.shared.UsdCents;
import borderwatch.traffic.GateDay;
import borderwatch.traffic.Traffic;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports today by goods group, for one gate or the whole province, and the watched group's share of
 * the province's export vehicles ("about 80% fruit"). Days are each gate's own.
 */
public record GoodsToday(String watchedGoods, BigDecimal watchedSharePercent, List<Group> groups) {

    /** One group's exports today; {@code group} null for export reports that named no group. */
    public record Group(String group, String nameVi, String nameEn, long exportVehicles, BigDecimal exportUsd) {
    }

    /** The province: every configured gate's exports today. */
    public static GoodsToday province(ReadModel model, Instant now) {
        GateDay sum = GateDay.EMPTY;
        for (GateConfig g : model.gates().all()) {
            sum = sum.plus(Traffic.of(model).day(g.id(), LocalDate.ofInstant(now, g.zone())));
        }
        Province p = model.gates();
        List<Group> groups = groups(p, sum);
        BigDecimal share = p.watchedGoods() == null ? null
                : UsdCents.percent(sum.goodsLine(p.watchedGoods()).exportVehicles(), sum.exportVehicles());
        return new GoodsToday(p.watchedGoods(), share, groups);
    }

    /** One gate's exports today by group: the configured groups it reported, then the unclassified rest. */
    static List<Group> groups(Province province, GateDay day) {
        List<Group> out = new ArrayList<>();
        for (GoodsGroup g : province.goods()) {
            var line = day.goodsLine(g.id());
            if (line.exportVehicles() > 0 || line.exportUsdCents() > 0) {
                out.add(new Group(g.id(), g.nameVi(), g.nameEn(), line.exportVehicles(), UsdCents.toUsd(line.exportUsdCents())));
            }
        }
        var rest = day.unclassified();
        if (rest.exportVehicles() > 0 || rest.exportUsdCents() > 0) {
            out.add(new Group(null, "Chưa phân loại", "Unclassified", rest.exportVehicles(), UsdCents.toUsd(rest.exportUsdCents())));
        }
        return out;
    }
}
