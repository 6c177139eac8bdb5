package borderwatch.report;

import borderwatch.shared.UsdCents;
import borderwatch.province.GoodsGroup;
import borderwatch.tradeplan.PlanProgress;
import borderwatch.traffic.GateDay;
import borderwatch.traffic.GoodsLine;
import borderwatch.traffic.Traffic;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What drove the change of total turnover against the same days of last year: each gate's and each
 * goods group's change in USD and in points of last year's total, the largest first.
 */
final class YearOnYearDrivers {

    /** One gate's or goods group's part in the change. */
    record Part(String id, String nameVi, String nameEn, long nowCents, long beforeCents) {

        long deltaCents() {
            return nowCents - beforeCents;
        }
    }

    private static final int NAMED = 3;

    private YearOnYearDrivers() {
    }

    static List<Finding> findings(AssessmentInput in) {
        PeriodReport r = in.report();
        Traffic traffic = Traffic.of(in.model());
        LocalDate first = r.firstDay();
        LocalDate last = r.lastDay();
        if (last.isBefore(first)) {
            return List.of();
        }
        LocalDate firstBefore = first.minusYears(1);
        LocalDate lastBefore = PlanProgress.samePeriodEnd(last);
        GateDay all = traffic.rangeAllGates(first, last);
        GateDay before = traffic.rangeAllGates(firstBefore, lastBefore);
        List<Finding> out = new ArrayList<>();
        if (before.usdCents() == 0) {
            out.add(Finding.of("yoy-drivers", null,
                    "Chưa có số liệu cùng kỳ năm trước nên chưa phân tích được nguyên nhân tăng, giảm.",
                    "No figures for the same days last year, so what drove the change cannot be told.",
                    Map.of("samePeriodLastYearUsd", BigDecimal.ZERO)));
            return out;
        }
        List<Part> gates = new ArrayList<>();
        for (PeriodReport.GateLine g : r.gates()) {
            gates.add(new Part(g.gate(), g.nameVi(), g.nameEn(), traffic.range(g.gate(), first, last).usdCents(),
                    traffic.range(g.gate(), firstBefore, lastBefore).usdCents()));
        }
        List<Part> goods = new ArrayList<>();
        for (GoodsGroup g : in.province().goods()) {
            goods.add(new Part(g.id(), g.nameVi(), g.nameEn(), total(all.goodsLine(g.id())), total(before.goodsLine(g.id()))));
        }
        if (!goods.isEmpty()) {
            goods.add(new Part("unclassified", "hàng chưa phân loại", "unclassified goods", total(all.unclassified()),
                    total(before.unclassified())));
        }
        out.add(finding(in, "gates", gates, all.usdCents(), before.usdCents()));
        if (!goods.isEmpty()) {
            out.add(finding(in, "goods", goods, all.usdCents(), before.usdCents()));
        }
        return out;
    }

    private static long total(GoodsLine l) {
        return l.exportUsdCents() + l.importUsdCents();
    }

    private static Finding finding(AssessmentInput in, String by, List<Part> parts, long now, long before) {
        ReportFormat vi = in.vi();
        ReportFormat en = in.en();
        long delta = now - before;
        BigDecimal change = borderwatch.shared.UsdCents.change(now, before);
        List<Part> movers = parts.stream().filter(p -> p.deltaCents() != 0)
                .sorted(Comparator.comparingLong((Part p) -> -Math.abs(p.deltaCents()))).limit(NAMED).toList();
        List<Map<String, Object>> cited = new ArrayList<>();
        List<String> vis = new ArrayList<>();
        List<String> ens = new ArrayList<>();
        for (Part p : movers) {
            BigDecimal points = AssessmentInput.oneDecimal(100.0 * p.deltaCents() / before);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(by.equals("gates") ? "gate" : "group", p.id());
            m.put("changeUsd", UsdCents.toUsd(p.deltaCents()));
            m.put("points", points);
            cited.add(m);
            vis.add(p.nameVi() + " " + signed(vi, p.deltaCents()) + " (" + signedPoints(vi, points) + " điểm %)");
            ens.add(p.nameEn() + " " + signed(en, p.deltaCents()) + " (" + signedPoints(en, points) + " points)");
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("by", by);
        figures.put("totalUsd", UsdCents.toUsd(now));
        figures.put("samePeriodLastYearUsd", UsdCents.toUsd(before));
        figures.put("changeUsd", UsdCents.toUsd(delta));
        figures.put("changePercent", change);
        figures.put("largest", cited);
        String what = by.equals("gates") ? "theo cửa khẩu" : "theo nhóm hàng";
        String whatEn = by.equals("gates") ? "By gate" : "By goods group";
        String vText = "Tổng kim ngạch " + vi.change(change) + " (" + signed(vi, delta) + "). Đóng góp " + what
                + " nhiều nhất: " + String.join("; ", vis) + ".";
        String eText = "Total turnover " + en.change(change) + " (" + signed(en, delta) + "). " + whatEn
                + ", the largest contributions: " + String.join("; ", ens) + ".";
        return Finding.of("yoy-drivers", null, vText, eText, figures).numbered(by);
    }

    private static String signed(ReportFormat f, long cents) {
        return (cents >= 0 ? "+" : "-") + f.millionsUsd(UsdCents.toUsd(Math.abs(cents)));
    }

    private static String signedPoints(ReportFormat f, BigDecimal points) {
        return (points.signum() >= 0 ? "+" : "-") + f.oneDecimal(points.abs());
    }
}
