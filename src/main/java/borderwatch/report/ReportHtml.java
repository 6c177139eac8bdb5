package borderwatch.report;

import borderwatch.gate.Direction;
import borderwatch.gate.Province;
import borderwatch.tradeplan.PlanProgress;
import java.math.BigDecimal;
import java.util.Map;

/** The report as one printable HTML page (A4), in Vietnamese or English. */
public final class ReportHtml {

    private ReportHtml() {
    }

    public static String render(YearReport r, String lang, Province gates) {
        ReportFormat f = new ReportFormat(lang, gates.zone());
        boolean vi = f.vi();
        StringBuilder h = new StringBuilder(16_384);
        int[] no = {1}; // section numbers: the goods section is there only when the province counts goods
        h.append("<!doctype html><html lang=\"").append(lang).append("\"><head><meta charset=\"utf-8\"><title>")
         .append(vi ? "Báo cáo kim ngạch năm " : "Trade turnover report ").append(r.year()).append("</title><style>")
         .append(CSS).append("</style></head><body><article class=\"report\">");
        h.append("<header><p class=\"issuer\">").append(esc(vi ? "TỈNH " + r.provinceVi().toUpperCase() : r.provinceEn()
                + " PROVINCE")).append("</p><h1>").append(vi ? "BÁO CÁO KIM NGẠCH XUẤT NHẬP KHẨU NĂM "
                : "YEAR-END TRADE TURNOVER REPORT ").append(r.year()).append("</h1><p class=\"asof\">")
         .append(vi ? "Số liệu từ " : "Figures from ").append(f.date(r.firstDay())).append(vi ? " đến " : " to ")
         .append(f.date(r.lastDay())).append(" (").append(r.days()).append(vi ? " ngày" : " days")
         .append(") · ").append(vi ? "tính đến " : "as of ").append(f.dateTime(r.asOf())).append(" · ")
         .append(vi ? "vị trí luồng sự kiện " : "event stream position ").append(f.integer(r.position()))
         .append("</p></header>");

        PlanProgress s = r.summary();
        h.append("<section><h2>").append(no[0]++ + ". " + (vi ? "Tổng hợp" : "Summary")).append("</h2><p class=\"lead\">")
         .append(esc(sentence(s, f))).append("</p><table><thead><tr>")
         .append(th(vi ? "Chỉ tiêu" : "Item")).append(th(vi ? "Thực hiện" : "Actual"))
         .append(th(vi ? "Kế hoạch" : "Plan")).append(th(vi ? "% kế hoạch" : "% of plan"))
         .append(th(vi ? "Cùng kỳ năm trước" : "Same period last year")).append(th(vi ? "So cùng kỳ" : "Change"))
         .append("</tr></thead><tbody>");
        summaryRow(h, f, vi ? "Tổng kim ngạch" : "Total turnover", s.total());
        summaryRow(h, f, vi ? "Xuất khẩu" : "Exports", s.export());
        summaryRow(h, f, vi ? "Nhập khẩu" : "Imports", s.imports());
        if (showsLocal(s)) {
            summaryRow(h, f, vi ? "Hàng xuất khẩu chủ yếu của địa phương" : "Main local export goods", s.localExport());
        }
        for (PlanProgress.GoodsProgress g : s.goods()) {
            if (g.export().planUsd() != null) {
                summaryRow(h, f, (vi ? "Xuất khẩu " + g.nameVi().toLowerCase(java.util.Locale.forLanguageTag("vi"))
                                     : "Exports of " + g.nameEn().toLowerCase(java.util.Locale.ENGLISH)), g.export());
            }
        }
        h.append("</tbody></table><p class=\"unit\">").append(vi ? "Đơn vị: triệu USD." : "Unit: million USD.")
         .append("</p></section>");

        if (!r.goods().isEmpty()) {
            goodsTable(h, f, r, no[0]++);
        }

        turnoverTableHead(h, vi, no[0]++ + ". " + (vi ? "Theo cửa khẩu" : "By gate"), vi ? "Cửa khẩu" : "Gate");
        for (YearReport.GateLine g : r.gates()) {
            h.append("<tr data-gate=\"").append(esc(g.gate())).append("\"><td>").append(esc(vi ? g.nameVi() : g.nameEn()))
             .append("</td>").append(num(f.millionsTable(g.exportUsd()))).append(num(f.millionsTable(g.importUsd())))
             .append(num(f.millionsTable(g.totalUsd()))).append(num(f.integer(g.exportVehicles())))
             .append(num(f.integer(g.importVehicles()))).append("</tr>");
        }
        h.append("</tbody></table></section>");

        turnoverTableHead(h, vi, no[0]++ + ". " + (vi ? "Theo tháng" : "By month"), vi ? "Tháng" : "Month");
        for (YearReport.MonthLine m : r.months()) {
            h.append("<tr><td>").append(vi ? "Tháng " + m.month() : java.time.Month.of(m.month())
                    .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)).append("</td>")
             .append(num(f.millionsTable(m.exportUsd()))).append(num(f.millionsTable(m.importUsd())))
             .append(num(f.millionsTable(m.totalUsd()))).append(num(f.integer(m.exportVehicles())))
             .append(num(f.integer(m.importVehicles()))).append("</tr>");
        }
        h.append("</tbody></table></section>");

        h.append("<section><h2>").append(no[0]++ + ". " + (vi ? "Phương tiện thông quan mỗi ngày" : "Vehicles cleared per day"))
         .append("</h2><table><thead><tr>").append(th(vi ? "Cửa khẩu" : "Gate")).append(th(vi ? "Chiều" : "Direction"))
         .append(th(vi ? "Tổng số xe" : "Vehicles")).append(th(vi ? "Bình quân/ngày" : "Average a day"))
         .append(th(vi ? "Ngày cao nhất" : "Peak day")).append(th(vi ? "Số xe ngày cao nhất" : "Vehicles on peak day"))
         .append("</tr></thead><tbody>");
        for (YearReport.VehiclesPerDay v : r.vehiclesPerDay()) {
            String name = v.gate() == null ? (vi ? "Toàn tỉnh" : "Province") : gateName(r, v.gate(), vi);
            h.append("<tr").append(v.gate() == null ? " class=\"total\"" : "").append("><td>").append(esc(name))
             .append("</td><td>").append(v.direction() == Direction.EXPORT ? (vi ? "Xuất" : "Export") : (vi ? "Nhập" : "Import"))
             .append("</td>").append(num(f.integer(v.total()))).append(num(f.oneDecimal(v.average())))
             .append(num(f.date(v.peakDate()))).append(num(f.integer(v.peak()))).append("</tr>");
        }
        h.append("</tbody></table></section>");

        h.append("<section><h2>").append(no[0]++ + ". " + (vi ? "Ùn tắc và phương án ứng phó" : "Congestion and response plans"))
         .append("</h2><table><thead><tr>").append(th(vi ? "Cửa khẩu" : "Gate")).append(th(vi ? "Số lần ùn tắc" : "Incidents"))
         .append(th(vi ? "Số giờ theo mức" : "Hours at each level")).append(th(vi ? "Phương án đã áp dụng" : "Plans activated"))
         .append(th(vi ? "Tổng thời gian áp dụng (giờ)" : "Total duration (hours)")).append("</tr></thead><tbody>");
        for (YearReport.GateCongestion c : r.congestion()) {
            StringBuilder levels = new StringBuilder();
            for (Map.Entry<String, BigDecimal> e : c.hoursAtLevel().entrySet()) {
                levels.append(levels.length() == 0 ? "" : " · ").append(levelName(gates, c.gate(), e.getKey(), vi))
                      .append(' ').append(f.upToOneDecimal(e.getValue()));
            }
            h.append("<tr data-gate=\"").append(esc(c.gate())).append("\"><td>").append(esc(gateName(r, c.gate(), vi)))
             .append("</td>").append(num(f.integer(c.incidents()))).append("<td>").append(esc(levels.toString()))
             .append("</td>").append(num(f.integer(c.plansActivated()))).append(num(f.upToOneDecimal(c.planHours())))
             .append("</tr>");
        }
        h.append("</tbody></table></section><footer>")
         .append(vi ? "Tỷ lệ phần trăm và số triệu USD làm tròn nửa lên đến một chữ số thập phân (91%, 105,7%). "
                      + "So cùng kỳ: từ 01/01 đến cùng ngày năm trước."
                    : "Percentages and millions are rounded half up to one decimal (91%, 105.7%). "
                      + "Year on year: 1 January to the same day of the previous year.")
         .append("</footer></article></body></html>");
        return h.toString();
    }

    /** The headline the department writes, e.g. "Tổng kim ngạch 4.750 triệu USD, đạt 91% kế hoạch; …". */
    static String sentence(PlanProgress s, ReportFormat f) {
        boolean vi = f.vi();
        return (vi ? "Tổng kim ngạch " : "Total turnover ") + f.millionsUsd(s.total().yearToDateUsd()) + ", "
                + f.ofPlan(s.total().percentOfPlan()) + ", " + f.change(s.total().changePercent()) + "; "
                + (vi ? "xuất khẩu " : "exports ") + f.millionsUsd(s.export().yearToDateUsd()) + ", "
                + f.ofPlan(s.export().percentOfPlan()) + ", " + f.change(s.export().changePercent()) + "; "
                + (vi ? "nhập khẩu " : "imports ") + f.millionsUsd(s.imports().yearToDateUsd()) + ", "
                + f.ofPlan(s.imports().percentOfPlan()) + ", " + f.change(s.imports().changePercent()) + "."
                + (showsLocal(s) ? " " + localSentence(s, f) : "");
    }

    /** "Các mặt hàng xuất khẩu chủ yếu của địa phương ước đạt 137,5 triệu USD, đạt 100% kế hoạch, tăng 9,6% so với cùng kỳ." */
    static String localSentence(PlanProgress s, ReportFormat f) {
        PlanProgress.Line l = s.localExport();
        // A year not yet over gives an estimate, which the department writes "ước đạt".
        boolean complete = s.asOfDate().getMonthValue() == 12 && s.asOfDate().getDayOfMonth() == 31;
        return (f.vi() ? "Các mặt hàng xuất khẩu chủ yếu của địa phương " + (complete ? "đạt " : "ước đạt ")
                       : "Main local export goods ") + f.millionsUsd(l.yearToDateUsd())
                + (l.percentOfPlan() == null ? "" : ", " + f.ofPlan(l.percentOfPlan())) + ", "
                + f.change(l.changePercent()) + ".";
    }

    /** The local-goods line is shown when the plan sets its target or some exports were reported as local. */
    static boolean showsLocal(PlanProgress s) {
        PlanProgress.Line l = s.localExport();
        return l.planUsd() != null || l.yearToDateUsd().signum() > 0 || l.samePeriodLastYearUsd().signum() > 0;
    }

    private static void goodsTable(StringBuilder h, ReportFormat f, YearReport r, int number) {
        boolean vi = f.vi();
        h.append("<section class=\"goods\"><h2>").append(number).append(". ").append(vi ? "Theo nhóm hàng" : "By goods group")
         .append("</h2><table><thead><tr>").append(th(vi ? "Nhóm hàng" : "Goods group"))
         .append(th(vi ? "Xuất khẩu (triệu USD)" : "Exports (million USD)")).append(th(vi ? "Tỷ trọng xuất khẩu" : "Share of exports"))
         .append(th(vi ? "So cùng kỳ" : "Change")).append(th(vi ? "Nhập khẩu (triệu USD)" : "Imports (million USD)"))
         .append(th(vi ? "Xe xuất" : "Export vehicles")).append(th(vi ? "Xe nhập" : "Import vehicles"))
         .append("</tr></thead><tbody>");
        for (YearReport.GoodsRow g : r.goods()) {
            h.append("<tr><td>").append(esc(vi ? g.nameVi() : g.nameEn())).append("</td>")
             .append(num(f.millionsTable(g.exportUsd()))).append(num(f.percent(g.exportSharePercent())))
             .append(num(g.exportChangePercent() == null ? "—"
                     : (g.exportChangePercent().signum() > 0 ? "+" : "") + f.percent(g.exportChangePercent())))
             .append(num(f.millionsTable(g.importUsd()))).append(num(f.integer(g.exportVehicles())))
             .append(num(f.integer(g.importVehicles()))).append("</tr>");
        }
        h.append("</tbody></table></section>");
    }

    /** The by-gate and by-month tables share their columns: turnover by direction and total, vehicles by direction. */
    private static void turnoverTableHead(StringBuilder h, boolean vi, String title, String firstColumn) {
        h.append("<section><h2>").append(title).append("</h2><table><thead><tr>")
         .append(th(firstColumn)).append(th(vi ? "Xuất khẩu (triệu USD)" : "Exports (million USD)"))
         .append(th(vi ? "Nhập khẩu (triệu USD)" : "Imports (million USD)")).append(th(vi ? "Tổng" : "Total"))
         .append(th(vi ? "Xe xuất" : "Export vehicles")).append(th(vi ? "Xe nhập" : "Import vehicles"))
         .append("</tr></thead><tbody>");
    }

    private static void summaryRow(StringBuilder h, ReportFormat f, String label, PlanProgress.Line l) {
        h.append("<tr><td>").append(label).append("</td>").append(num(f.millionsTable(l.yearToDateUsd())))
         .append(num(l.planUsd() == null ? "—" : f.millionsTable(l.planUsd()))).append(num(f.percent(l.percentOfPlan())))
         .append(num(f.millionsTable(l.samePeriodLastYearUsd()))).append(num(l.changePercent() == null ? "—"
                 : (l.changePercent().signum() > 0 ? "+" : "") + f.percent(l.changePercent()))).append("</tr>");
    }

    private static String levelName(Province gates, String gate, String levelId, boolean vi) {
        return gates.find(gate).flatMap(g -> g.levels().levels().stream().filter(l -> l.id().equals(levelId))
                .findFirst()).map(l -> vi ? l.nameVi() : l.nameEn()).orElse(levelId);
    }

    private static String gateName(YearReport r, String gate, boolean vi) {
        return r.gates().stream().filter(g -> g.gate().equals(gate)).findFirst()
                .map(g -> vi ? g.nameVi() : g.nameEn()).orElse(gate);
    }

    private static String th(String text) {
        return "<th>" + text + "</th>";
    }

    private static String num(String text) {
        return "<td class=\"n\">" + esc(text) + "</td>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String CSS = """
            @page { size: A4; margin: 18mm 16mm; }
            body { font-family: "Times New Roman", "Noto Serif", serif; color: #000; margin: 0; background: #fff; }
            .report { max-width: 178mm; margin: 0 auto; padding: 8mm 0; font-size: 11pt; }
            header { text-align: center; margin-bottom: 6mm; }
            .issuer { font-weight: bold; margin: 0; }
            h1 { font-size: 14pt; margin: 3mm 0 1mm; }
            .asof { font-size: 9.5pt; margin: 0; }
            h2 { font-size: 12pt; margin: 5mm 0 2mm; }
            .lead { text-align: justify; line-height: 1.4; }
            table { border-collapse: collapse; width: 100%; font-size: 9.5pt; page-break-inside: auto; }
            th, td { border: 1px solid #444; padding: 1mm 1.5mm; vertical-align: top; }
            th { background: #eee; text-align: center; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr { page-break-inside: avoid; }
            tr.total td { font-weight: bold; }
            .unit { font-size: 9pt; font-style: italic; margin: 1mm 0 0; }
            footer { margin-top: 6mm; font-size: 8.5pt; font-style: italic; }
            """;
}
