package borderwatch.report;

import borderwatch.province.GateConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of the report's days each figure rests on: per gate, the days its own systems reported,
 * the days that came only as imported daily totals, the days with no report at all, and the days
 * with a queue report (a silent camera shows here, so no congestion figure reads as "no congestion"
 * when there was no queue data).
 */
final class DataCoverage {

    record GateCounts(String gate, int days, int liveDays, int importedDays, int silentDays, int queueDays,
                      int clearedWithoutQueueDays) {
    }

    record Counts(List<GateCounts> gates) {

        GateCounts gate(String id) {
            return gates.stream().filter(g -> g.gate().equals(id)).findFirst()
                    .orElse(new GateCounts(id, 0, 0, 0, 0, 0, 0));
        }
    }

    private DataCoverage() {
    }

    static Counts count(AssessmentInput in) {
        ReportEvidence e = ReportEvidence.of(in.model());
        List<GateCounts> out = new ArrayList<>();
        LocalDate last = in.report().lastDay();
        for (GateConfig g : in.province().all()) {
            int days = 0;
            int live = 0;
            int imported = 0;
            int silent = 0;
            int queue = 0;
            int clearedNoQueue = 0;
            for (LocalDate d = in.report().firstDay(); !d.isAfter(last); d = d.plusDays(1)) {
                days++;
                boolean l = e.liveDay(g.id(), d);
                boolean i = e.importedDay(g.id(), d);
                boolean q = e.queueDay(g.id(), d);
                live += l ? 1 : 0;
                imported += i && !l ? 1 : 0;
                silent += !l && !i && !q ? 1 : 0;
                queue += q ? 1 : 0;
                clearedNoQueue += l && !q ? 1 : 0;
            }
            out.add(new GateCounts(g.id(), days, live, imported, silent, queue, clearedNoQueue));
        }
        return new Counts(out);
    }

    static List<Finding> findings(AssessmentInput in, Counts counts) {
        List<Finding> out = new ArrayList<>();
        int gateDays = 0;
        int queueDays = 0;
        int importedDays = 0;
        for (GateCounts c : counts.gates()) {
            gateDays += c.days();
            queueDays += c.queueDays();
            importedDays += c.importedDays();
        }
        if (gateDays == 0) {
            return out;
        }
        ReportFormat vi = in.vi();
        ReportFormat en = in.en();
        java.math.BigDecimal share = AssessmentInput.oneDecimal(100.0 * queueDays / gateDays);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("gateDays", gateDays);
        figures.put("gateDaysWithQueueReports", queueDays);
        figures.put("queueCoveragePercent", share);
        figures.put("gateDaysFromImportedTotals", importedDays);
        String v = "Số liệu hàng đợi có trong " + vi.integer(queueDays) + "/" + vi.integer(gateDays) + " ngày-cửa khẩu của kỳ (" + vi.percent(share)
                + "): các nhận định về ùn tắc chỉ dựa trên những ngày này"
                + (importedDays > 0 ? "; " + vi.integer(importedDays) + " ngày-cửa khẩu chỉ có số liệu tổng ngày (nhập về hoặc khởi tạo, không có số liệu theo phút và hàng đợi)" : "")
                + ".";
        String e = "Queue reports cover " + en.integer(queueDays) + " of the period's " + en.integer(gateDays) + " gate-days (" + en.percent(share)
                + "): what is said of congestion rests on those days only"
                + (importedDays > 0 ? "; " + en.integer(importedDays) + " gate-days are imported daily totals (no minute figures, no queue)" : "")
                + ".";
        out.add(Finding.of("data-coverage", null, v, e, figures));
        // Gates whose counts are alike are said together.
        Map<List<Integer>, List<GateCounts>> alike = new LinkedHashMap<>();
        for (GateCounts c : counts.gates()) {
            if (c.silentDays() == 0 && c.importedDays() == 0 && c.queueDays() == c.days()) {
                continue;
            }
            alike.computeIfAbsent(List.of(c.days(), c.queueDays(), c.silentDays(), c.importedDays(), c.clearedWithoutQueueDays()),
                    k -> new ArrayList<>()).add(c);
        }
        for (List<GateCounts> group : alike.values()) {
            GateCounts c = group.get(0);
            String namesVi = String.join(", ", group.stream().map(x -> in.province().get(x.gate()).nameVi()).toList());
            String namesEn = String.join(", ", group.stream().map(x -> in.province().get(x.gate()).nameEn()).toList());
            List<String> vs = new ArrayList<>();
            List<String> es = new ArrayList<>();
            if (c.days() - c.queueDays() > 0) {
                vs.add("không có báo cáo hàng đợi " + (c.days() - c.queueDays()) + "/" + c.days() + " ngày"
                        + (c.clearedWithoutQueueDays() > 0 ? " (trong đó " + c.clearedWithoutQueueDays()
                        + " ngày có số liệu thông quan theo phút)" : ""));
                es.add("no queue report on " + (c.days() - c.queueDays()) + " of " + c.days() + " days"
                        + (c.clearedWithoutQueueDays() > 0 ? " (" + c.clearedWithoutQueueDays()
                        + " of them with clearances reported through the day)" : ""));
            }
            if (c.silentDays() > 0) {
                vs.add(c.silentDays() + " ngày không có báo cáo nào");
                es.add(c.silentDays() + " days with no report at all");
            }
            if (c.importedDays() > 0) {
                vs.add(c.importedDays() + " ngày chỉ có số liệu tổng ngày");
                es.add(c.importedDays() + " days of daily totals only");
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("gates", group.stream().map(GateCounts::gate).toList());
            f.put("days", c.days());
            f.put("liveDays", c.liveDays());
            f.put("importedDays", c.importedDays());
            f.put("silentDays", c.silentDays());
            f.put("queueDays", c.queueDays());
            f.put("clearedWithoutQueueDays", c.clearedWithoutQueueDays());
            String gate = group.size() == 1 ? c.gate() : null;
            Finding finding = Finding.of("data-coverage", gate, namesVi + ": " + String.join("; ", vs) + ".",
                    namesEn + ": " + String.join("; ", es) + ".", f);
            out.add(gate == null ? finding.numbered(String.join("+", group.stream().map(GateCounts::gate).toList())) : finding);
        }
        return out;
    }
}
