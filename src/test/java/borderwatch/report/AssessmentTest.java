package borderwatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import borderwatch.core.Core;
import borderwatch.gate.ActivateResponsePlan;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.gate.StandDownResponsePlan;
import borderwatch.province.Direction;
import borderwatch.province.Province;
import borderwatch.service.ReadModels;
import borderwatch.testing.ProvinceFiles;
import borderwatch.tradeplan.SetAnnualPlan;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's assessment and proposals on a history whose story is known, counted by hand:
 * <ul>
 *   <li>2025: Tân Thanh exports 100.000 USD of fruit a day to June and 300.000 from July; Hữu Nghị 200.000 a day;</li>
 *   <li>2026 to 30 June: Tân Thanh 150.000 a day (fruit, local goods), Hữu Nghị 120.000: H1 48,87 against 54,3 million;</li>
 *   <li>1–12 June 2026 a fruit harvest at Tân Thanh: 220 fruit trucks a day instead of 100, the queue 240 from 08:00
 *       (350 on 3 June) until 15:00; a level-2 plan on 10 June from 09:00;</li>
 *   <li>20 June Tân Thanh all but closed: 5 trucks cleared, the queue 240 from 08:00 until 18:00;</li>
 *   <li>Chi Ma's camera sends queue reports in January only; Hữu Nghị has none;</li>
 *   <li>the plan: total 200, exports 150, imports 50, local goods 20 million USD.</li>
 * </ul>
 */
class AssessmentTest {

    @TempDir
    Path dir;
    private Core core;
    private Province province = Province.defaults();
    private long id;

    @AfterEach
    void close() {
        if (core != null) {
            core.close();
        }
    }

    private Instant at(LocalDate d, int hour) {
        return d.atTime(LocalTime.of(hour, 0)).atZone(province.zone()).toInstant();
    }

    private String id() {
        return "a-" + (++id);
    }

    private void history() {
        core = Core.open(dir.resolve("store"), province, ReadModels.ALL);
        for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() == 2025; d = d.plusDays(1)) {
            long tanThanh = d.getMonthValue() <= 6 ? 10_000_000 : 30_000_000;
            send(List.of(new GateReport.TurnoverRecorded(id(), "tan-thanh", Direction.EXPORT, tanThanh, at(d, 12), "fruit", false),
                    new GateReport.TurnoverRecorded(id(), "huu-nghi", Direction.EXPORT, 20_000_000, at(d, 12), "other", false)));
        }
        for (LocalDate d = LocalDate.of(2026, 1, 1); !d.isAfter(LocalDate.of(2026, 6, 30)); d = d.plusDays(1)) {
            boolean harvest = d.getMonthValue() == 6 && d.getDayOfMonth() <= 12;
            boolean closed = d.equals(LocalDate.of(2026, 6, 20));
            List<GateReport> day = new ArrayList<>(List.of(
                    new GateReport.TurnoverRecorded(id(), "tan-thanh", Direction.EXPORT, 15_000_000, at(d, 12), "fruit", true),
                    new GateReport.TurnoverRecorded(id(), "huu-nghi", Direction.EXPORT, 12_000_000, at(d, 12), "other", false),
                    new GateReport.VehiclesCleared(id(), "tan-thanh", Direction.EXPORT, harvest ? 220 : closed ? 5 : 100, at(d, 17), "fruit", true),
                    new GateReport.VehiclesCleared(id(), "huu-nghi", Direction.EXPORT, 150, at(d, 17), "other", false),
                    new GateReport.VehiclesCleared(id(), "chi-ma", Direction.EXPORT, 50, at(d, 17), "other", false),
                    new GateReport.VehiclesCleared(id(), "coc-nam", Direction.EXPORT, 40, at(d, 17), "other", false),
                    new GateReport.VehiclesCleared(id(), "dong-dang", Direction.EXPORT, 20, at(d, 17), "other", false)));
            // Reported through the day, as gate systems do: a second report an hour before the first.
            for (String gate : List.of("tan-thanh", "huu-nghi", "chi-ma", "coc-nam", "dong-dang")) {
                day.add(new GateReport.VehiclesCleared(id(), gate, Direction.IMPORT, 10, at(d, 16), "other", false));
            }
            day.addAll(List.of(
                    new GateReport.QueueObserved(id(), "tan-thanh", 30, null, at(d, 6)),
                    new GateReport.QueueObserved(id(), "coc-nam", 10, null, at(d, 9)),
                    new GateReport.QueueObserved(id(), "dong-dang", 5, null, at(d, 9))));
            if (d.getMonthValue() == 1) {
                day.add(new GateReport.QueueObserved(id(), "chi-ma", 5, null, at(d, 9)));
            }
            if (harvest) {
                day.add(new GateReport.QueueObserved(id(), "tan-thanh", 240, null, at(d, 8)));
                day.add(new GateReport.QueueObserved(id(), "tan-thanh", d.getDayOfMonth() == 3 ? 350 : 240, null, at(d, 11)));
                day.add(new GateReport.QueueObserved(id(), "tan-thanh", 50, null, at(d, 15)));
            }
            if (closed) {
                day.add(new GateReport.QueueObserved(id(), "tan-thanh", 240, null, at(d, 8)));
                day.add(new GateReport.QueueObserved(id(), "tan-thanh", 250, null, at(d, 12)));
                day.add(new GateReport.QueueObserved(id(), "tan-thanh", 50, null, at(d, 18)));
            }
            day.sort(java.util.Comparator.comparing(GateReport::at));
            send(day.subList(0, day.size()));
            if (harvest && d.getDayOfMonth() == 10) {
                core.commands().sendAndWait(new ActivateResponsePlan("tan-thanh", 2, "Trực ban", "xe rau quả tăng", id(), at(d, 9)));
                core.commands().sendAndWait(new StandDownResponsePlan("tan-thanh", "Trực ban", "đã giải tỏa", id(), at(d, 16)));
            }
        }
        core.commands().sendAndWait(SetAnnualPlan.of(2026, 15_000_000_000L, 5_000_000_000L, 20_000_000_000L, "", id(),
                Instant.parse("2026-01-05T02:00:00Z")).withTargets(2_000_000_000L, Map.of()));
    }

    private void send(List<GateReport> reports) {
        core.commands().sendAndWait(new RecordGateEvents(new ArrayList<>(reports)));
    }

    private PeriodReport report(String period, String asOf) {
        Instant when = ReportRequest.parseAsOf(asOf, province.zone());
        ReportPeriod p = ReportPeriod.of(period, 2026, LocalDate.parse(asOf));
        return Reports.build(core.storage(), core.live().blank(), new ReportRequest(p, when, "vi", "json"), x -> { });
    }

    private static Finding find(List<Finding> list, String id) {
        return list.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not among " + list.stream().map(Finding::id).toList()));
    }

    private static BigDecimal usd(Finding f, String figure) {
        return (BigDecimal) f.figures().get(figure);
    }

    @Test
    void theTargetsAgainstThePaceOfTheYear() {
        history();
        PeriodReport r = report("h1", "2026-06-30");
        Finding total = find(r.assessment(), "plan-pace:total");
        assertThat(total.figures()).containsEntry("onPace", false);
        assertThat(usd(total, "doneUsd")).isEqualByComparingTo("48870000");
        assertThat(usd(total, "percentOfPlan")).isEqualByComparingTo("24.4");
        assertThat(usd(total, "yearElapsedPercent")).isEqualByComparingTo("49.6");
        // 151,13 million over 184 days = 6,049 months; the best month is January, 31 × 270.000.
        double monthsLeft = 184 / (365 / 12.0);
        assertThat(usd(total, "neededPerMonthUsd").doubleValue()).isCloseTo(151_130_000 / monthsLeft, within(1.0));
        assertThat(total.figures()).containsEntry("bestMonth", 1).containsEntry("monthsLeft", 6);
        assertThat(usd(total, "bestMonthUsd")).isEqualByComparingTo("8370000");
        assertThat(usd(total, "timesBestMonth")).isEqualByComparingTo("3.0");
        // Last year by 30 June had 54,3 of its 146,3 million: 48,87 × 146,3 / 54,3; flat: 48,87 × 365 / 181 = 98,55 exactly.
        assertThat(usd(total, "seasonalEstimateUsd").doubleValue()).isCloseTo(48_870_000 * 146.3 / 54.3, within(1.0));
        assertThat(usd(total, "flatEstimateUsd").doubleValue()).isCloseTo(48_870_000 * 365.0 / 181, within(1.0));
        assertThat(total.textVi()).startsWith("Tổng kim ngạch đến 30/06/2026 đạt 48,9 triệu USD, bằng 24,4% kế hoạch năm")
                .contains("chậm so với tiến độ").contains("bằng 3 lần tháng cao nhất từ đầu năm (tháng 1: 8,4 triệu USD)")
                .contains("Ước cả năm theo diễn biến mùa vụ năm trước: 131,7 triệu USD").contains("theo bình quân ngày: 98,6 triệu USD");
        assertThat(total.textEn()).contains("behind pace").contains("Year-end estimate following last year's season");

        Finding local = find(r.assessment(), "plan-pace:local-export");
        assertThat(local.figures()).containsEntry("onPace", true).doesNotContainKey("neededPerMonthUsd");
        assertThat(usd(local, "percentOfPlan")).isEqualByComparingTo("135.8");

        assertThat(r.proposals()).extracting(Finding::id).contains("proposal:catchUpTarget:total",
                "proposal:catchUpTarget:export").doesNotContain("proposal:catchUpTarget:local-export",
                "proposal:catchUpTarget:import");
        Finding catchUp = find(r.proposals(), "proposal:catchUpTarget:total");
        assertThat(catchUp.rule()).isEqualTo("catchUpTarget");
        assertThat(catchUp.threshold()).containsEntry("timesBestMonth", 1.5);
    }

    @Test
    void whatDroveTheChangeAgainstLastYear() {
        history();
        Finding gates = find(report("h1", "2026-06-30").assessment(), "yoy-drivers:gates");
        assertThat(usd(gates, "changeUsd")).isEqualByComparingTo("-5430000");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> largest = (List<Map<String, Object>>) gates.figures().get("largest");
        assertThat(largest.get(0)).containsEntry("gate", "huu-nghi");
        assertThat((BigDecimal) largest.get(0).get("changeUsd")).isEqualByComparingTo("-14480000");
        assertThat((BigDecimal) largest.get(0).get("points")).isEqualByComparingTo("-26.7");
        assertThat(largest.get(1)).containsEntry("gate", "tan-thanh");
        assertThat((BigDecimal) largest.get(1).get("points")).isEqualByComparingTo("16.7");
        assertThat(gates.textVi()).contains("giảm 10,0%").contains("Hữu Nghị -14,5 triệu USD (-26,7 điểm %)");
    }

    @Test
    void theHarvestsEpisodesTheWorstDaysAndThePlan() {
        history();
        PeriodReport r = report("h1", "2026-06-30");
        Finding tanThanh = find(r.assessment(), "congestion:tan-thanh");
        assertThat(tanThanh.figures()).containsEntry("alertEpisodes", 13).containsEntry("episodes", 13);
        @SuppressWarnings("unchecked")
        Map<String, Object> worst = (Map<String, Object>) tanThanh.figures().get("worstEpisode");
        assertThat(worst).containsEntry("start", at(LocalDate.of(2026, 6, 3), 8)).containsEntry("minutes", 420L)
                .containsEntry("highestLevel", "critical").containsEntry("peakWaiting", 350);
        assertThat(tanThanh.textVi()).contains("13 đợt ùn tắc").contains("kéo dài 7 giờ").contains("cao nhất 350 xe chờ");

        Finding days = find(r.assessment(), "worst-days");
        assertThat(days.figures()).containsEntry("alertDays", 13);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> worstDays = (List<Map<String, Object>>) days.figures().get("days");
        // The closure comes first, 10 hours; then the harvest's first days, 7 hours each.
        assertThat(worstDays.get(0)).containsEntry("date", LocalDate.of(2026, 6, 20)).containsEntry("cause", "closure");
        assertThat((BigDecimal) worstDays.get(0).get("alertHours")).isEqualByComparingTo("10.0");
        Map<String, Object> first = worstDays.get(1);
        assertThat(first).containsEntry("date", LocalDate.of(2026, 6, 1)).containsEntry("gate", "tan-thanh")
                .containsEntry("cause", "harvest-surge");
        assertThat((BigDecimal) first.get("alertHours")).isEqualByComparingTo("7.0");
        assertThat(days.textVi()).contains("20/06/2026 tại Tân Thanh: 10,0 giờ").contains("gần như ngừng thông quan")
                .contains("xe đến tăng do mùa vụ");

        Finding plans = find(r.assessment(), "response-plans");
        assertThat(plans.figures()).containsEntry("activated", 1).containsEntry("medianMinutesToNormalAfterActivation", 360L)
                .containsEntry("episodesWithoutPlan", 12).containsEntry("medianMinutesToNormalWithoutPlan", 420L);

        Finding warnings = find(r.assessment(), "warnings");
        assertThat(warnings.figures()).containsEntry("alertEpisodes", 13).containsEntry("warnedAnHourAhead", 0);
        assertThat(warnings.textVi()).contains("không có cảnh báo sớm nào được đưa ra");

        Finding extend = find(r.proposals(), "proposal:extendHours:tan-thanh");
        assertThat(extend.figures()).containsEntry("days", 13).containsEntry("months", List.of(6))
                .containsEntry("medianMinutesADay", 420L);
        assertThat(extend.textVi()).contains("Tân Thanh trong tháng 6").contains("13 ngày, trung vị 7 giờ mỗi ngày");
        // 6 h after the plan against 7 h without it is not 25% faster: the data does not support "act earlier".
        assertThat(r.proposals()).extracting(Finding::rule).doesNotContain("actEarlier", "reviewWarnings")
                .filteredOn("extendHours"::equals).hasSize(1);
    }

    @Test
    void aSilentCameraAndAGateWithoutQueueReportsAreSaidSoNotCalledCalm() {
        history();
        PeriodReport r = report("h1", "2026-06-30");
        Finding huuNghi = find(r.assessment(), "congestion:huu-nghi");
        assertThat(huuNghi.textVi()).contains("không có báo cáo hàng đợi").doesNotContain("không có đợt ùn tắc");
        Finding chiMa = find(r.assessment(), "data-coverage:chi-ma");
        assertThat(chiMa.figures()).containsEntry("queueDays", 31).containsEntry("clearedWithoutQueueDays", 150);
        // Gates alike are said together: Cốc Nam and Đồng Đăng reported their queues every day, calm.
        Finding calm = find(r.assessment(), "congestion:coc-nam+dong-dang");
        assertThat(calm.textVi()).isEqualTo("Cốc Nam, Đồng Đăng: không có đợt ùn tắc nào trong kỳ.");
        assertThat(calm.figures()).containsEntry("queueDays", 181).containsEntry("days", 181);
        Finding check = find(r.proposals(), "proposal:checkQueueReports:chi-ma");
        assertThat(check.figures()).containsEntry("daysClearingWithoutQueueReport", 150).containsEntry("daysClearing", 181);
        assertThat(check.threshold()).containsEntry("minDaysWithout", 7);
        assertThat(r.proposals()).extracting(Finding::id).contains("proposal:checkQueueReports:huu-nghi")
                .doesNotContain("proposal:checkQueueReports:coc-nam");

        // January 2025 has turnover only: congestion is said to be without data, everywhere.
        PeriodReport old = Reports.build(core.storage(), core.live().blank(), new ReportRequest(
                ReportPeriod.of("m01", 2025, LocalDate.of(2025, 1, 31)),
                ReportRequest.parseAsOf("2025-01-31", province.zone()), "vi", "json"), x -> { });
        assertThat(old.assessment()).filteredOn(f -> f.topic().equals("congestion"))
                .allSatisfy(f -> assertThat(f.textVi()).contains("không có báo cáo hàng đợi"));
        assertThat(find(old.assessment(), "data-coverage").figures()).containsEntry("gateDaysWithQueueReports", 0);
    }

    @Test
    void importedDailyTotalsAreSaidToBeTotalsAndCallForNoCameraCheck() {
        core = LangSon2019.open(dir.resolve("2019"), province);
        PeriodReport r = Reports.build(core.storage(), core.live().blank(),
                new ReportRequest(2019, ReportRequest.parseAsOf("2019-12-31", province.zone()), "vi", "json"), x -> { });
        Finding coverage = find(r.assessment(), "data-coverage");
        assertThat(coverage.figures()).containsEntry("gateDaysWithQueueReports", 0);
        assertThat((Integer) coverage.figures().get("gateDaysFromImportedTotals")).isPositive();
        assertThat(coverage.textVi()).contains("chỉ có số liệu tổng ngày");
        assertThat(r.proposals()).extracting(Finding::rule).doesNotContain("checkQueueReports", "extendHours");
        // The plan of 2019 against a complete year: met or not, with no estimate and nothing needed per month.
        Finding imports = find(r.assessment(), "plan-pace:import");
        assertThat(imports.figures()).containsEntry("onPace", true).doesNotContainKey("flatEstimateUsd");
        assertThat(imports.textVi()).endsWith("hoàn thành kế hoạch.");
        assertThat(find(r.assessment(), "plan-pace:export").textVi()).endsWith("không hoàn thành kế hoạch.");
    }

    @Test
    void theRulesAndThresholdsComeFromTheProvinceFile() {
        province = ProvinceFiles.langSon(dir, "rules.json", root -> ((ObjectNode) root).putObject("reportRules")
                .putObject("extendHours").put("minDays", 14));
        history();
        assertThat(report("h1", "2026-06-30").proposals()).extracting(Finding::rule).doesNotContain("extendHours")
                .contains("checkQueueReports");
        Province wrong = ProvinceFiles.langSon(dir, "wrong.json", root -> ((ObjectNode) root).putObject("reportRules")
                .putObject("extendHour"));
        assertThatThrownBy(() -> ReportRules.of(wrong)).hasMessageContaining("reportRules.extendHour: no such rule");
        Province negative = ProvinceFiles.langSon(dir, "negative.json", root -> ((ObjectNode) root).putObject("reportRules")
                .putObject("checkQueueReports").put("minDaysWithout", -1));
        assertThatThrownBy(() -> ReportRules.of(negative)).hasMessageContaining("reportRules.checkQueueReports.minDaysWithout");
    }

    @Test
    void theDocumentCarriesBothSectionsAndMarksEditedText() {
        history();
        PeriodReport r = report("h1", "2026-06-30");
        String html = ReportHtml.render(r, "vi", province);
        assertThat(html).contains("VII. ĐÁNH GIÁ").contains("VIII. ĐỀ XUẤT, KIẾN NGHỊ")
                .contains("Kiểm tra camera, thiết bị báo cáo hàng đợi tại cửa khẩu Chi Ma");
        PeriodReport edited = r.judged(r.judgement().reworded(List.of(new Assessment.Edit("proposal:checkQueueReports:chi-ma",
                "Đề nghị Chi Ma sửa camera trước ngày 15/7.", null))));
        Finding f = find(edited.proposals(), "proposal:checkQueueReports:chi-ma");
        assertThat(f.edited()).isTrue();
        assertThat(f.figures()).containsEntry("daysClearingWithoutQueueReport", 150);
        assertThat(ReportHtml.render(edited, "vi", province)).contains("Đề nghị Chi Ma sửa camera trước ngày 15/7. (đã chỉnh sửa)");
        assertThat(ReportHtml.render(edited, "en", province)).contains("Check the queue camera").contains("(edited)");
    }
}
