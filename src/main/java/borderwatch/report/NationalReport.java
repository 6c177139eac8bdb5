package borderwatch.report;

import borderwatch.province.Province;
import borderwatch.shared.UsdCents;
import borderwatch.tradeplan.PlanProgress;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The national report of a period: one row per province, read off that province's own report (so
 * every figure agrees with it to the digit), the national totals added up from those rows, and trade
 * by goods group across the provinces. Drawn in every format the provinces' reports have.
 */
public record NationalReport(int year, ReportPeriod period, java.time.Instant asOf, LocalDate firstDay,
                             LocalDate lastDay, List<ProvinceRow> provinces, Totals total, List<GoodsTotal> goods) {

    /** A province's line, each figure its own report's. {@code alertHours}: hours at level 2 or above. */
    public record ProvinceRow(String province, String nameVi, String nameEn, BigDecimal totalUsd, BigDecimal exportUsd,
                              BigDecimal importUsd, BigDecimal planUsd, BigDecimal percentOfPlan,
                              BigDecimal samePeriodLastYearUsd, BigDecimal changePercent, BigDecimal alertHours,
                              boolean queueReported) {
    }

    /** The provinces added up; percentages computed from the sums, as a province computes its own. */
    public record Totals(BigDecimal totalUsd, BigDecimal exportUsd, BigDecimal importUsd, BigDecimal planUsd,
                         BigDecimal percentOfPlan, BigDecimal samePeriodLastYearUsd, BigDecimal changePercent,
                         BigDecimal alertHours) {
    }

    /** A goods group across the provinces that name it. */
    public record GoodsTotal(String group, String nameVi, String nameEn, BigDecimal exportUsd, BigDecimal importUsd) {
    }

    /** {@code reports}: each province's own report of the same period and instant, in the node's order. */
    public static NationalReport of(List<PeriodReport> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("a national report needs at least one province");
        }
        PeriodReport first = reports.get(0);
        List<ProvinceRow> rows = new ArrayList<>();
        long total = 0;
        long export = 0;
        long imports = 0;
        long plan = 0;
        long before = 0;
        boolean anyBefore = false;
        BigDecimal alert = BigDecimal.ZERO;
        Map<String, GoodsTotal> goods = new LinkedHashMap<>();
        for (PeriodReport r : reports) {
            PlanProgress.Line t = r.summary().total();
            BigDecimal hours = BigDecimal.ZERO;
            boolean queue = false;
            for (PeriodReport.GateCongestion c : r.congestion()) {
                queue |= c.queueReported();
                int i = 0;
                for (BigDecimal h : c.hoursAtLevel().values()) {
                    // Level 1 is watch; the alert levels are the second and above.
                    if (i++ >= 1) {
                        hours = hours.add(h);
                    }
                }
            }
            rows.add(new ProvinceRow(r.provinceId(), r.provinceVi(), r.provinceEn(), t.yearToDateUsd(),
                    r.summary().export().yearToDateUsd(), r.summary().imports().yearToDateUsd(), t.planUsd(),
                    t.percentOfPlan(), t.samePeriodLastYearUsd(), t.changePercent(), hours, queue));
            total += cents(t.yearToDateUsd());
            export += cents(r.summary().export().yearToDateUsd());
            imports += cents(r.summary().imports().yearToDateUsd());
            plan += cents(t.planUsd());
            if (t.samePeriodLastYearUsd() != null) {
                before += cents(t.samePeriodLastYearUsd());
                anyBefore = true;
            }
            alert = alert.add(hours);
            for (PeriodReport.GoodsRow g : r.goods()) {
                String id = g.group() == null ? "unclassified" : g.group();
                goods.merge(id, new GoodsTotal(id, g.nameVi(), g.nameEn(), g.exportUsd(), g.importUsd()),
                        (a, b) -> new GoodsTotal(a.group(), a.nameVi(), a.nameEn(), a.exportUsd().add(b.exportUsd()),
                                a.importUsd().add(b.importUsd())));
            }
        }
        Totals totals = new Totals(UsdCents.toUsd(total), UsdCents.toUsd(export), UsdCents.toUsd(imports),
                plan == 0 ? null : UsdCents.toUsd(plan), UsdCents.percent(total, plan),
                anyBefore ? UsdCents.toUsd(before) : null,
                anyBefore ? UsdCents.change(total, before) : null, alert);
        return new NationalReport(first.year(), first.period(), first.asOf(), first.firstDay(), first.lastDay(), rows, totals,
                List.copyOf(goods.values()));
    }

    private static long cents(BigDecimal usd) {
        return usd == null ? 0 : usd.movePointRight(2).longValueExact();
    }

    /** The report in {@code format} (json, csv, html, docx, xlsx, pdf) and {@code lang}. */
    public Reports.Rendered render(String lang, String format, Province zoneOf, ObjectMapper json) {
        String name = (lang.equals("vi") ? "bao-cao-toan-quoc-" : "national-report-") + year
                + (period.id().equals("year") ? "" : "-" + period.id()) + "-" + lang + "." + format;
        try {
            return switch (format) {
                case "csv" -> new Reports.Rendered("text/csv; charset=utf-8",
                        ("\uFEFF" + csv()).getBytes(java.nio.charset.StandardCharsets.UTF_8), name);
                case "html" -> new Reports.Rendered("text/html; charset=utf-8",
                        ReportHtml.render(document(lang, zoneOf)).getBytes(java.nio.charset.StandardCharsets.UTF_8), name);
                case "docx" -> new Reports.Rendered("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        ReportDocx.render(document(lang, zoneOf)), name);
                case "xlsx" -> new Reports.Rendered("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        ReportXlsx.render(document(lang, zoneOf)), name);
                case "pdf" -> new Reports.Rendered("application/pdf", ReportPdf.render(document(lang, zoneOf)), name);
                default -> new Reports.Rendered("application/json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                        Map.of("report", this)), name);
            };
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("national report not serializable", e);
        }
    }

    String csv() {
        StringBuilder c = new StringBuilder("section,subject,metric,value\n");
        for (ProvinceRow p : provinces) {
            row(c, "province", p.province(), "total_usd", p.totalUsd());
            row(c, "province", p.province(), "export_usd", p.exportUsd());
            row(c, "province", p.province(), "import_usd", p.importUsd());
            row(c, "province", p.province(), "plan_usd", p.planUsd());
            row(c, "province", p.province(), "percent_of_plan", p.percentOfPlan());
            row(c, "province", p.province(), "same_period_last_year_usd", p.samePeriodLastYearUsd());
            row(c, "province", p.province(), "change_percent", p.changePercent());
            row(c, "province", p.province(), "alert_hours", p.alertHours());
        }
        row(c, "national", "total", "total_usd", total.totalUsd());
        row(c, "national", "total", "export_usd", total.exportUsd());
        row(c, "national", "total", "import_usd", total.importUsd());
        row(c, "national", "total", "plan_usd", total.planUsd());
        row(c, "national", "total", "same_period_last_year_usd", total.samePeriodLastYearUsd());
        row(c, "national", "total", "percent_of_plan", total.percentOfPlan());
        row(c, "national", "total", "change_percent", total.changePercent());
        row(c, "national", "total", "alert_hours", total.alertHours());
        for (GoodsTotal g : goods) {
            row(c, "goods", g.group(), "export_usd", g.exportUsd());
            row(c, "goods", g.group(), "import_usd", g.importUsd());
        }
        return c.toString();
    }

    private static void row(StringBuilder c, String section, String subject, String metric, BigDecimal value) {
        c.append(section).append(',').append(subject).append(',').append(metric).append(',')
         .append(value == null ? "" : value.toPlainString()).append('\n');
    }

    /** The document: the ministry's masthead, a table of provinces with the national total, and goods groups. */
    ReportDocument document(String lang, Province zoneOf) {
        ReportFormat f = new ReportFormat(lang, zoneOf.zone());
        boolean vi = f.vi();
        LocalDate issued = LocalDate.ofInstant(asOf, zoneOf.zone());
        ReportDocument.Header header = new ReportDocument.Header(f.say("BỘ CÔNG THƯƠNG", "MINISTRY OF INDUSTRY AND TRADE"),
                f.say("CỤC CÔNG THƯƠNG ĐỊA PHƯƠNG", "AGENCY OF REGIONAL INDUSTRY AND TRADE"), f.say("Số: …/BC-CTĐP", "No. …"),
                f.say("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
                f.say("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
                vi ? "Hà Nội, ngày " + issued.getDayOfMonth() + " tháng " + issued.getMonthValue() + " năm " + issued.getYear()
                   : "Hanoi, " + issued.getDayOfMonth() + " " + issued.getMonth().getDisplayName(java.time.format.TextStyle.FULL,
                        Locale.ENGLISH) + " " + issued.getYear());
        String when = period.id().equals("year") ? (vi ? "năm " + year : Integer.toString(year))
                : vi ? period.nameVi() + " năm " + year : period.nameEn() + " " + year;
        List<String> title = List.of(f.say("BÁO CÁO", "REPORT"), vi
                ? "Tình hình xuất nhập khẩu hàng hóa qua các cửa khẩu biên giới của các tỉnh " + when
                : "Trade through the border gates of the provinces, " + when);
        String scope = vi ? "(Tổng hợp từ báo cáo của các tỉnh; số liệu từ " + f.date(firstDay) + " đến " + f.date(lastDay) + ")"
                          : "(Added up from the provinces' own reports; figures from " + f.date(firstDay) + " to " + f.date(lastDay) + ")";
        List<ReportDocument.Row> rows = new ArrayList<>();
        for (ProvinceRow p : provinces) {
            rows.add(new ReportDocument.Row(List.of(ReportDocument.Cell.text(vi ? p.nameVi() : p.nameEn()), millions(f, p.totalUsd()),
                    millions(f, p.exportUsd()), millions(f, p.importUsd()), millions(f, p.planUsd()), percent(f, p.percentOfPlan()),
                    percent(f, p.changePercent()), p.queueReported() ? new ReportDocument.Cell(f.oneDecimal(p.alertHours()),
                            p.alertHours(), ReportDocument.Cell.Kind.DECIMAL) : ReportDocument.Cell.dash()), false));
        }
        rows.add(new ReportDocument.Row(List.of(ReportDocument.Cell.text(f.say("Toàn quốc", "All provinces")),
                millions(f, total.totalUsd()), millions(f, total.exportUsd()), millions(f, total.importUsd()),
                millions(f, total.planUsd()), percent(f, total.percentOfPlan()), percent(f, total.changePercent()),
                new ReportDocument.Cell(f.oneDecimal(total.alertHours()), total.alertHours(), ReportDocument.Cell.Kind.DECIMAL)),
                true));
        ReportDocument.Table byProvince = new ReportDocument.Table(f.say("Đơn vị: triệu USD; giờ", "Unit: million USD; hours"),
                List.of(f.say("Tỉnh", "Province"), f.say("Tổng kim ngạch", "Total turnover"), f.say("Xuất khẩu", "Exports"),
                        f.say("Nhập khẩu", "Imports"), f.say("Kế hoạch năm", "Annual plan"), f.say("% kế hoạch năm", "% of plan"),
                        f.say("So cùng kỳ", "Change"), f.say("Giờ ùn tắc mức 2 trở lên", "Hours at level 2 or above")), rows);
        List<ReportDocument.Row> goodsRows = new ArrayList<>();
        for (GoodsTotal g : goods) {
            goodsRows.add(new ReportDocument.Row(List.of(ReportDocument.Cell.text(vi ? g.nameVi() : g.nameEn()),
                    millions(f, g.exportUsd()), millions(f, g.importUsd())), false));
        }
        ReportDocument.Table byGoods = new ReportDocument.Table(f.say("Đơn vị: triệu USD", "Unit: million USD"),
                List.of(f.say("Nhóm hàng", "Goods group"), f.say("Xuất khẩu", "Exports"), f.say("Nhập khẩu", "Imports")), goodsRows);
        List<ReportDocument.Section> sections = List.of(
                new ReportDocument.Section(f.say("I. THEO TỈNH", "I. BY PROVINCE"), List.of(), byProvince),
                new ReportDocument.Section(f.say("II. THEO NHÓM HÀNG", "II. BY GOODS GROUP"), List.of(), byGoods));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("year", Integer.toString(year));
        metadata.put("period", period.id());
        metadata.put("asOf", asOf.toString());
        metadata.put("provinces", String.join(",", provinces.stream().map(ProvinceRow::province).toList()));
        return new ReportDocument(lang, header, title, scope, sections, f.say("Mỗi dòng là số liệu của báo cáo tỉnh; dòng "
                + "Toàn quốc là tổng các dòng. Phương tiện đường sắt không cộng vào xe đường bộ.", "Each line is the province's "
                + "own report; the national line adds them up."), List.of(f.say("Lưu: VT.", "Filed.")),
                new ReportDocument.Signature("", f.say("CỤC TRƯỞNG", "DIRECTOR GENERAL"), ""), metadata);
    }

    private static ReportDocument.Cell millions(ReportFormat f, BigDecimal usd) {
        return usd == null ? ReportDocument.Cell.dash()
                : new ReportDocument.Cell(f.millionsTable(usd), usd.movePointLeft(6), ReportDocument.Cell.Kind.MILLIONS);
    }

    private static ReportDocument.Cell percent(ReportFormat f, BigDecimal p) {
        return p == null ? ReportDocument.Cell.dash() : new ReportDocument.Cell(f.percent(p), p, ReportDocument.Cell.Kind.PERCENT);
    }
}
