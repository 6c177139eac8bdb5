package borderwatch.report;

import borderwatch.province.Direction;
import borderwatch.province.Province;
import borderwatch.tradeplan.PlanProgress;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as the department files it (the administrative-document layout of Decree 30/2020/NĐ-CP):
 * issuing body, number, national title and motto, place and date, title, body and tables, recipients
 * and signature. Built once per request and drawn by each format, so HTML, Word, Excel and PDF carry
 * the same words and the same figures.
 */
public record ReportDocument(String lang, Header header, List<String> title, String scope, List<Section> sections,
                             String note, List<String> recipients, Signature signature, Map<String, String> metadata) {

    public record Header(String issuerParent, String issuer, String number, String nationalTitle, String motto,
                         String placeAndDate) {
    }

    public record Signature(String authority, String title, String name) {
    }

    /** A numbered part of the body: paragraphs, then optionally a table with its unit. */
    public record Section(String heading, List<String> paragraphs, Table table) {
    }

    public record Table(String unit, List<String> columns, List<Row> rows) {
    }

    public record Row(List<Cell> cells, boolean total) {
    }

    /** What a cell shows; {@code value} is the number behind it (null for text), for spreadsheets. */
    public record Cell(String text, BigDecimal value, Kind kind) {

        public enum Kind { TEXT, MILLIONS, INTEGER, PERCENT, DECIMAL, DATE }

        static Cell text(String text) {
            return new Cell(text, null, Kind.TEXT);
        }

        /** No figure: a dash in a column of numbers, set like them. */
        static Cell dash() {
            return new Cell("—", null, Kind.DECIMAL);
        }
    }

    public static ReportDocument of(PeriodReport r, Province province, String lang) {
        return new Builder(r, province, lang).build();
    }

    /**
     * The document's file name stem: {@code bao-cao-lang-son-2025-q2-vi}; the province's id keeps
     * apart the reports of several provinces downloaded to one folder.
     */
    public static String fileStem(PeriodReport r, String lang) {
        String province = r.provinceId() == null || r.provinceId().isBlank() ? "" : r.provinceId() + "-";
        return (lang.equals("vi") ? "bao-cao-" : "report-") + province + r.year() + (r.period().id().equals("year") ? "" : "-" + r.period().id())
               + "-" + lang;
    }

    private static final class Builder {
        private final PeriodReport r;
        private final Province province;
        private final ReportFormat f;
        private final boolean vi;
        private final ReportPeriod period;

        Builder(PeriodReport r, Province province, String lang) {
            this.r = r;
            this.province = province;
            this.f = new ReportFormat(lang, province.zone());
            this.vi = f.vi();
            this.period = r.period();
        }

        ReportDocument build() {
            DocumentSettings s = DocumentSettings.of(province, f.lang);
            LocalDate issued = LocalDate.ofInstant(r.asOf(), province.zone());
            Header header = new Header(s.issuerParent(), s.issuer(),
                    f.say("Số: ", "No. ") + "…/" + s.documentCode(),
                    f.say("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
                    f.say("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
                    vi ? s.place() + ", ngày " + issued.getDayOfMonth() + " tháng " + issued.getMonthValue() + " năm "
                         + issued.getYear()
                       : s.place() + ", " + issued.getDayOfMonth() + " "
                         + issued.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + issued.getYear());
            List<String> title = List.of(f.say("BÁO CÁO", "REPORT"), subject());
            String scope = vi ? "(Số liệu từ " + f.date(r.firstDay()) + " đến " + f.date(r.lastDay()) + ", tính đến "
                                + f.dateTime(r.asOf()) + ")"
                              : "(Figures from " + f.date(r.firstDay()) + " to " + f.date(r.lastDay()) + ", as of "
                                + f.dateTime(r.asOf()) + ")";
            List<Section> sections = new ArrayList<>();
            sections.add(new Section(heading(sections), Headline.paragraphs(r.summary(), f, period), summaryTable()));
            if (!r.goods().isEmpty()) {
                sections.add(new Section(heading(sections), List.of(), goodsTable()));
            }
            sections.add(new Section(heading(sections), List.of(), gateTable()));
            sections.add(new Section(heading(sections), List.of(), monthTable()));
            sections.add(new Section(heading(sections), List.of(), vehiclesTable()));
            sections.add(new Section(heading(sections), congestionParagraphs(), congestionTable()));
            sections.add(new Section(heading(sections), judged(r.assessment(), f.say(
                    "Số liệu của kỳ chưa đủ để đánh giá.", "The period's figures are too few to assess.")), null));
            sections.add(new Section(heading(sections), judged(r.proposals(), f.say(
                    "Số liệu của kỳ không đặt ra đề xuất nào theo các quy tắc hiện hành.",
                    "The period's figures call for no proposal under the rules in force.")), null));
            String note = vi ? "Tỷ lệ phần trăm và số triệu USD làm tròn nửa lên đến một chữ số thập phân. So cùng kỳ: "
                               + "cùng các ngày của năm trước. Phương tiện đường bộ tính bằng xe, đường sắt bằng toa."
                             : "Percentages and millions are rounded half up to one decimal. Year on year: the same days of "
                               + "the previous year. Road vehicles are counted in trucks, rail in wagons.";
            for (borderwatch.province.Province.Predecessor p : province.predecessors()) {
                // A merged province compares with its predecessors' history, and says so.
                note += vi ? " Tỉnh " + p.nameVi() + " hợp nhất vào tỉnh từ ngày " + f.date(p.from())
                             + "; số liệu các cửa khẩu của tỉnh này trước ngày đó được tính vào số liệu của tỉnh."
                           : " Province " + p.nameEn() + " merged into this one from " + f.date(p.from())
                             + "; its gates' figures before then are counted here.";
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("year", Integer.toString(r.year()));
            metadata.put("period", r.period().id());
            metadata.put("asOf", r.asOf().toString());
            metadata.put("streamPosition", Long.toString(r.position()));
            return new ReportDocument(f.lang, header, title, scope, sections, note, s.recipients(),
                    new Signature(s.signerAuthority(), s.signerTitle(), s.signerName()), metadata);
        }

        private String subject() {
            String province = vi ? r.provinceVi() : r.provinceEn();
            String when = switch (period.id()) {
                case "year" -> vi ? "năm " + r.year() : Integer.toString(r.year());
                case "ytd" -> vi ? "từ đầu năm " + r.year() + " đến ngày " + f.date(r.lastDay())
                                 : "from 1 January " + r.year() + " to " + f.date(r.lastDay());
                default -> period.isRange() ? (vi ? period.nameVi() : period.nameEn().replaceFirst(",$", ""))
                        : vi ? period.nameVi() + " năm " + r.year() : period.nameEn() + " " + r.year();
            } + "";
            return vi ? "Tình hình xuất nhập khẩu hàng hóa qua các cửa khẩu tỉnh " + province + " " + when
                      : "Trade through the border gates of " + province + " Province, " + when;
        }

        private String heading(List<Section> before) {
            String[] roman = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII"};
            String[] vis = {"KIM NGẠCH XUẤT NHẬP KHẨU", "THEO NHÓM HÀNG", "THEO CỬA KHẨU", "THEO THÁNG",
                            "PHƯƠNG TIỆN THÔNG QUAN", "ÙN TẮC VÀ PHƯƠNG ÁN ỨNG PHÓ", "ĐÁNH GIÁ", "ĐỀ XUẤT, KIẾN NGHỊ"};
            String[] ens = {"TRADE TURNOVER", "BY GOODS GROUP", "BY GATE", "BY MONTH", "VEHICLES CLEARED",
                            "CONGESTION AND RESPONSE PLANS", "ASSESSMENT", "PROPOSALS"};
            int n = before.size();
            // Without goods groups the second heading is skipped, so the names shift by one after it.
            int which = r.goods().isEmpty() && n >= 1 ? n + 1 : n;
            return roman[n] + ". " + (vi ? vis[which] : ens[which]);
        }

        /** Each statement a paragraph; a reworded one says so, so the reader knows it is not the computed text. */
        private List<String> judged(List<Finding> findings, String none) {
            if (findings.isEmpty()) {
                return List.of(none);
            }
            List<String> out = new ArrayList<>();
            for (Finding x : findings) {
                out.add("- " + x.text(f.lang) + (Boolean.TRUE.equals(x.edited()) ? f.say(" (đã chỉnh sửa)", " (edited)") : ""));
            }
            return out;
        }

        private Cell millions(BigDecimal usd) {
            return usd == null ? Cell.dash()
                    : new Cell(f.millionsTable(usd), usd.movePointLeft(6), Cell.Kind.MILLIONS);
        }

        private Cell percent(BigDecimal p) {
            return p == null ? Cell.dash() : new Cell(f.percent(p), p, Cell.Kind.PERCENT);
        }

        private Cell change(BigDecimal p) {
            if (p == null) {
                return Cell.dash();
            }
            String sign = p.signum() > 0 && p.abs().compareTo(new BigDecimal("0.05")) >= 0 ? "+" : "";
            return new Cell(sign + f.percent(p), p, Cell.Kind.PERCENT);
        }

        private Cell integer(long n) {
            return new Cell(f.integer(n), BigDecimal.valueOf(n), Cell.Kind.INTEGER);
        }

        private Table summaryTable() {
            boolean estimate = period.fromJanuary() && !period.id().equals("year");
            List<String> columns = new ArrayList<>(List.of(f.say("Chỉ tiêu", "Item"), f.say("Thực hiện", "Actual"),
                    f.say("Kế hoạch năm", "Annual plan"), f.say("% kế hoạch năm", "% of annual plan"),
                    f.say("Cùng kỳ năm trước", "Same period last year"), f.say("So cùng kỳ", "Change")));
            if (estimate) {
                columns.add(f.say("Ước cả năm", "Year-end estimate"));
            }
            List<Row> rows = new ArrayList<>();
            PlanProgress s = r.summary();
            rows.add(summaryRow(f.say("Tổng kim ngạch", "Total turnover"), s.total(), estimate, true));
            rows.add(summaryRow(f.say("Xuất khẩu", "Exports"), s.export(), estimate, false));
            rows.add(summaryRow(f.say("Nhập khẩu", "Imports"), s.imports(), estimate, false));
            if (Headline.showsLocal(s)) {
                rows.add(summaryRow(f.say("Hàng xuất khẩu chủ yếu của địa phương", "Main local export goods"),
                        s.localExport(), estimate, false));
            }
            for (PlanProgress.GoodsProgress g : s.goods()) {
                if (g.export().planUsd() != null) {
                    rows.add(summaryRow(vi ? "Xuất khẩu " + g.nameVi().toLowerCase(Locale.forLanguageTag("vi"))
                            : "Exports of " + g.nameEn().toLowerCase(Locale.ENGLISH), g.export(), estimate, false));
                }
            }
            return new Table(f.say("Đơn vị: triệu USD", "Unit: million USD"), columns, rows);
        }

        private Row summaryRow(String label, PlanProgress.Line l, boolean estimate, boolean total) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.text(label), millions(l.yearToDateUsd()), millions(l.planUsd()),
                    percent(l.percentOfPlan()), millions(l.samePeriodLastYearUsd()), change(l.changePercent())));
            if (estimate) {
                cells.add(millions(l.projectedUsd()));
            }
            return new Row(cells, total);
        }

        private Table goodsTable() {
            List<Row> rows = new ArrayList<>();
            for (PeriodReport.GoodsRow g : r.goods()) {
                rows.add(new Row(List.of(Cell.text(vi ? g.nameVi() : g.nameEn()), millions(g.exportUsd()),
                        percent(g.exportSharePercent()), change(g.exportChangePercent()), millions(g.importUsd()),
                        integer(g.exportVehicles()), integer(g.importVehicles())), false));
            }
            return new Table(f.say("Đơn vị: triệu USD; phương tiện: xe, toa", "Unit: million USD; vehicles: trucks, wagons"),
                    List.of(f.say("Nhóm hàng", "Goods group"), f.say("Xuất khẩu", "Exports"),
                            f.say("Tỷ trọng xuất khẩu", "Share of exports"), f.say("So cùng kỳ", "Change"),
                            f.say("Nhập khẩu", "Imports"), f.say("Phương tiện xuất", "Export vehicles"),
                            f.say("Phương tiện nhập", "Import vehicles")), rows);
        }

        private Table gateTable() {
            List<Row> rows = new ArrayList<>();
            for (PeriodReport.GateLine g : r.gates()) {
                String unit = g.kind().equals("rail") ? f.say(" (toa)", " (wagons)") : "";
                rows.add(new Row(List.of(Cell.text((vi ? g.nameVi() : g.nameEn()) + unit), millions(g.exportUsd()),
                        millions(g.importUsd()), millions(g.totalUsd()), integer(g.exportVehicles()),
                        integer(g.importVehicles())), false));
            }
            return new Table(vi ? "Đơn vị: triệu USD; phương tiện: xe (đường sắt: toa)"
                                : "Unit: million USD; vehicles: trucks (rail: wagons)",
                    List.of(f.say("Cửa khẩu", "Gate"), f.say("Xuất khẩu", "Exports"), f.say("Nhập khẩu", "Imports"),
                            f.say("Tổng", "Total"), f.say("Phương tiện xuất", "Export vehicles"),
                            f.say("Phương tiện nhập", "Import vehicles")), rows);
        }

        private Table monthTable() {
            List<Row> rows = new ArrayList<>();
            for (PeriodReport.MonthLine m : r.months()) {
                rows.add(new Row(List.of(Cell.text(vi ? "Tháng " + m.month()
                                : java.time.Month.of(m.month()).getDisplayName(TextStyle.FULL, Locale.ENGLISH)),
                        millions(m.exportUsd()), millions(m.importUsd()), millions(m.totalUsd()),
                        integer(m.exportVehicles() + m.importVehicles()), integer(m.exportWagons() + m.importWagons())),
                        false));
            }
            return new Table(f.say("Đơn vị: triệu USD", "Unit: million USD"),
                    List.of(f.say("Tháng", "Month"), f.say("Xuất khẩu", "Exports"), f.say("Nhập khẩu", "Imports"),
                            f.say("Tổng", "Total"), f.say("Xe qua cửa khẩu đường bộ", "Road trucks"),
                            f.say("Toa qua ga đường sắt", "Rail wagons")), rows);
        }

        private Table vehiclesTable() {
            List<Row> rows = new ArrayList<>();
            for (PeriodReport.VehiclesPerDay v : r.vehiclesPerDay()) {
                String name = v.gate() == null
                        ? (v.kind().equals("rail") ? f.say("Toàn tỉnh — đường sắt (toa)", "Province — rail (wagons)")
                                                   : f.say("Toàn tỉnh — đường bộ (xe)", "Province — road (trucks)"))
                        : gateName(v.gate()) + (v.kind().equals("rail") ? f.say(" (toa)", " (wagons)") : "");
                rows.add(new Row(List.of(Cell.text(name),
                        Cell.text(v.direction() == Direction.EXPORT ? f.say("Xuất", "Export") : f.say("Nhập", "Import")),
                        integer(v.total()), new Cell(f.oneDecimal(v.average()), v.average(), Cell.Kind.DECIMAL),
                        v.peakDate() == null ? Cell.dash() : new Cell(f.date(v.peakDate()), null, Cell.Kind.DATE),
                        integer(v.peak())), v.gate() == null));
            }
            return new Table(null, List.of(f.say("Cửa khẩu", "Gate"), f.say("Chiều", "Direction"),
                    f.say("Tổng số", "Total"), f.say("Bình quân/ngày", "Average a day"), f.say("Ngày cao nhất", "Peak day"),
                    f.say("Số phương tiện ngày cao nhất", "Vehicles on the peak day")), rows);
        }

        private List<String> congestionParagraphs() {
            boolean none = r.congestion().stream().noneMatch(PeriodReport.GateCongestion::queueReported);
            return none ? List.of(vi ? "Trong kỳ không có số liệu hàng đợi tại các cửa khẩu (số liệu nhập theo tổng ngày), "
                                       + "nên không đánh giá được tình hình ùn tắc."
                                     : "No queue reports in the period (daily totals only), so congestion cannot be assessed.")
                        : List.of();
        }

        private Table congestionTable() {
            List<Row> rows = new ArrayList<>();
            for (PeriodReport.GateCongestion c : r.congestion()) {
                if (!c.queueReported()) {
                    String noData = f.say("không có số liệu hàng đợi", "no queue data");
                    rows.add(new Row(List.of(Cell.text(gateName(c.gate())), Cell.text(noData), Cell.dash(), Cell.dash(),
                            Cell.dash(), Cell.dash(), Cell.dash()), false));
                    continue;
                }
                StringBuilder levels = new StringBuilder();
                for (Map.Entry<String, BigDecimal> e : c.hoursAtLevel().entrySet()) {
                    levels.append(levels.length() == 0 ? "" : " · ").append(levelName(c.gate(), e.getKey()))
                          .append(' ').append(f.upToOneDecimal(e.getValue()));
                }
                String warned = c.warningsIssued() == 0 ? "0" : f.integer(c.warningsIssued()) + " / " + f.integer(c.warningsCameTrue())
                        + (c.medianLeadMinutes() == null ? "" : " · " + f.upToOneDecimal(BigDecimal.valueOf(c.medianLeadMinutes())
                        .divide(BigDecimal.valueOf(60), 1, java.math.RoundingMode.HALF_UP)) + f.say(" giờ", " h"));
                rows.add(new Row(List.of(Cell.text(gateName(c.gate())),
                        new Cell(f.integer(c.queueDays()) + "/" + f.integer(r.days()), BigDecimal.valueOf(c.queueDays()), Cell.Kind.INTEGER),
                        integer(c.incidents()), Cell.text(levels.toString()),
                        integer(c.plansActivated()), new Cell(f.upToOneDecimal(c.planHours()), c.planHours(), Cell.Kind.DECIMAL),
                        new Cell(warned, null, Cell.Kind.DECIMAL)), false));
            }
            return new Table(null, List.of(f.say("Cửa khẩu", "Gate"),
                    f.say("Số ngày có số liệu hàng đợi", "Days with queue reports"), f.say("Số lần ùn tắc", "Incidents"),
                    f.say("Số giờ theo mức", "Hours at each level"), f.say("Phương án đã áp dụng", "Plans activated"),
                    f.say("Thời gian áp dụng (giờ)", "Plan hours"),
                    f.say("Cảnh báo sớm / thành hiện thực · báo trước", "Early warnings / came true · lead")), rows);
        }

        private String levelName(String gate, String levelId) {
            return province.find(gate).flatMap(g -> g.levels().levels().stream().filter(l -> l.id().equals(levelId))
                    .findFirst()).map(l -> vi ? l.nameVi() : l.nameEn()).orElse(levelId);
        }

        private String gateName(String gate) {
            return r.gates().stream().filter(g -> g.gate().equals(gate)).findFirst()
                    .map(g -> vi ? g.nameVi() : g.nameEn()).orElse(gate);
        }
    }
}
