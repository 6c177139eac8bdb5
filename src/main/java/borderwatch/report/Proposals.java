package borderwatch.report;

import borderwatch.shared.UsdCents;
import borderwatch.forecast.TrackRecord;
import borderwatch.province.GateConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The rules of the province file ({@link ReportRules}) turned on the assessment's figures: each
 * proposal says what to do, why, with the figures and the rule's threshold. A rule whose threshold
 * the data does not reach proposes nothing.
 */
final class Proposals {

    private Proposals() {
    }

    static List<Finding> of(AssessmentInput in, Assessment.Facts facts) {
        List<Finding> out = new ArrayList<>();
        ReportRules rules = in.rules();
        if (rules.extendHours().enabled()) {
            // The assessment's alert days serve when the rule's level is the alert level.
            List<CongestionStory.BadDay> days = rules.extendHours().minLevel() == CongestionStory.ALERT ? facts.alertDays()
                    : CongestionStory.badDays(in, rules.extendHours().minLevel());
            out.addAll(extendHours(in, rules.extendHours(), days));
        }
        if (rules.catchUpTarget().enabled()) {
            out.addAll(catchUp(in, rules.catchUpTarget(), facts.verdicts()));
        }
        if (rules.checkQueueReports().enabled()) {
            out.addAll(checkQueueReports(in, facts.coverage(), rules.checkQueueReports()));
        }
        if (rules.reviewWarnings().enabled()) {
            out.addAll(reviewWarnings(in, rules.reviewWarnings(), facts.record().overall()));
        }
        if (rules.actEarlier().enabled()) {
            out.addAll(actEarlier(in, facts.plans(), rules.actEarlier()));
        }
        return out;
    }

    private static List<Finding> extendHours(AssessmentInput in, ReportRules.ExtendHours rule,
                                             List<CongestionStory.BadDay> days) {
        List<Finding> out = new ArrayList<>();
        for (GateConfig g : in.province().all()) {
            List<CongestionStory.BadDay> mine = days.stream().filter(d -> d.gate().equals(g.id())).toList();
            if (mine.size() < rule.minDays() || g.levels().levels().size() < rule.minLevel()) {
                continue;
            }
            TreeSet<Integer> months = new TreeSet<>();
            mine.forEach(d -> months.add(d.date().getMonthValue()));
            List<Double> hours = mine.stream().map(CongestionStory.BadDay::alertHours).sorted().toList();
            long medianMinutes = Math.round(hours.get(hours.size() / 2) * 60);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("days", mine.size());
            figures.put("months", List.copyOf(months));
            figures.put("medianMinutesADay", medianMinutes);
            String level = CongestionStory.levelVi(g, rule.minLevel());
            String v = "Xem xét kéo dài thời gian làm việc hoặc tăng lực lượng thông quan tại cửa khẩu " + g.nameVi() + " trong "
                    + monthsVi(months) + ": cửa khẩu ở mức " + level + " trở lên " + mine.size() + " ngày, trung vị "
                    + in.vi().duration(medianMinutes) + " mỗi ngày.";
            String e = "Consider longer hours or more clearance staff at " + g.nameEn() + " in " + monthsEn(months) + ": it stood at "
                    + CongestionStory.levelEn(g, rule.minLevel()) + " or above on " + mine.size() + " days, a median "
                    + in.en().duration(medianMinutes) + " a day.";
            out.add(Finding.of("congestion", g.id(), v, e, figures).proposal("extendHours",
                    ReportRules.threshold("minLevel", rule.minLevel(), "minDays", rule.minDays())));
        }
        return out;
    }

    private static List<Finding> catchUp(AssessmentInput in, ReportRules.CatchUp rule, List<PlanPace.Verdict> verdicts) {
        List<Finding> out = new ArrayList<>();
        for (PlanPace.Verdict v : verdicts) {
            if (v.neededPerMonthCents() == null || v.bestMonthCents() <= 0
                    || v.neededPerMonthCents() < rule.timesBestMonth() * v.bestMonthCents()) {
                continue;
            }
            var times = AssessmentInput.oneDecimal((double) v.neededPerMonthCents() / v.bestMonthCents());
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("target", v.target().id());
            figures.put("neededPerMonthUsd", UsdCents.toUsd(v.neededPerMonthCents()));
            figures.put("monthsLeft", v.monthsLeft());
            figures.put("bestMonthUsd", UsdCents.toUsd(v.bestMonthCents()));
            figures.put("timesBestMonth", times);
            String vi = "Chỉ tiêu " + v.target().nameVi().toLowerCase(java.util.Locale.forLanguageTag("vi")) + " cần bình quân "
                    + in.vi().millionsUsd(UsdCents.toUsd(v.neededPerMonthCents())) + "/tháng trong " + v.monthsLeft()
                    + " tháng còn lại, bằng " + in.vi().upToOneDecimal(times) + " lần tháng cao nhất từ đầu năm: đề nghị tăng "
                    + "cường xúc tiến thương mại, hỗ trợ doanh nghiệp, hoặc báo cáo cấp có thẩm quyền xem xét điều chỉnh chỉ tiêu.";
            String en = "The " + v.target().nameEn().toLowerCase(java.util.Locale.ENGLISH) + " target needs "
                    + in.en().millionsUsd(UsdCents.toUsd(v.neededPerMonthCents())) + " a month over the " + v.monthsLeft()
                    + " months left, " + in.en().upToOneDecimal(times) + " times the best month so far: step up trade promotion "
                    + "and support to traders, or ask for the target to be revised.";
            out.add(Finding.of("plan-pace", null, vi, en, figures).proposal("catchUpTarget",
                    ReportRules.threshold("timesBestMonth", rule.timesBestMonth())).numbered(v.target().id()));
        }
        return out;
    }

    /**
     * A silent camera: days the gate reported clearances through the day (so its systems worked) but no
     * queue. Days that came only as daily totals have no camera to check and do not count.
     */
    private static List<Finding> checkQueueReports(AssessmentInput in, DataCoverage.Counts coverage,
                                                   ReportRules.CheckQueueReports rule) {
        List<Finding> out = new ArrayList<>();
        for (DataCoverage.GateCounts c : coverage.gates()) {
            int silent = c.clearedWithoutQueueDays();
            if (silent < rule.minDaysWithout()) {
                continue;
            }
            GateConfig g = in.province().get(c.gate());
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("daysClearingWithoutQueueReport", silent);
            figures.put("daysClearing", c.liveDays());
            figures.put("days", c.days());
            String v = "Kiểm tra camera, thiết bị báo cáo hàng đợi tại cửa khẩu " + g.nameVi() + ": " + silent + "/" + c.liveDays()
                    + " ngày có thông quan nhưng không có báo cáo hàng đợi nào, nên không theo dõi được ùn tắc trong những ngày đó.";
            String e = "Check the queue camera and reporting at " + g.nameEn() + ": on " + silent + " of " + c.liveDays()
                    + " days with clearances there was no queue report, so congestion there went unseen.";
            out.add(Finding.of("data-coverage", c.gate(), v, e, figures).proposal("checkQueueReports",
                    ReportRules.threshold("minDaysWithout", rule.minDaysWithout())));
        }
        return out;
    }

    private static List<Finding> reviewWarnings(AssessmentInput in, ReportRules.ReviewWarnings rule, TrackRecord.Score s) {
        if (s.alertWarnings() < rule.minWarnings() || s.falseShare() == null || s.falseShare() <= rule.maxFalseShare()) {
            return List.of();
        }
        var pct = AssessmentInput.oneDecimal(100 * s.falseShare());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("alertWarnings", s.alertWarnings());
        figures.put("falseWarnings", s.falseWarnings());
        figures.put("falseShare", s.falseShare());
        return List.of(Finding.of("warnings", null,
                "Rà soát ngưỡng mức ùn tắc và dự báo: " + s.falseWarnings() + "/" + s.alertWarnings() + " cảnh báo sớm không xảy ra ("
                + in.vi().percent(pct) + "), nhiều cảnh báo sai làm giảm độ tin cậy của cảnh báo.",
                "Review the congestion levels and the forecast: " + s.falseWarnings() + " of " + s.alertWarnings()
                + " early warnings did not come true (" + in.en().percent(pct) + "); false alarms wear down trust in the warnings.",
                figures).proposal("reviewWarnings", ReportRules.threshold("maxFalseShare", rule.maxFalseShare(),
                "minWarnings", rule.minWarnings())));
    }

    private static List<Finding> actEarlier(AssessmentInput in, CongestionStory.PlanEffect p, ReportRules.ActEarlier rule) {
        Long with = p.medianWith();
        Long without = p.medianWithout();
        if (with == null || without == null || p.withoutPlanMinutes().size() < rule.minEpisodes()
                || with > (1 - rule.fasterBy()) * without) {
            return List.of();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("medianMinutesWithPlan", with);
        figures.put("medianMinutesWithoutPlan", without);
        figures.put("episodesWithoutPlan", p.withoutPlanMinutes().size());
        return List.of(Finding.of("response-plans", null,
                "Kích hoạt phương án ứng phó ngay khi có cảnh báo sớm hoặc khi đạt mức cảnh báo: sau khi kích hoạt, hàng chờ trở về "
                + "bình thường sau trung vị " + in.vi().duration(with) + ", so với " + in.vi().duration(without) + " ở "
                + p.withoutPlanMinutes().size() + " đợt không áp dụng phương án.",
                "Activate the response plan as soon as a warning comes or the alert level is reached: with a plan the queue was "
                + "back to normal after a median " + in.en().duration(with) + ", against " + in.en().duration(without) + " in "
                + p.withoutPlanMinutes().size() + " episodes without one.",
                figures).proposal("actEarlier", ReportRules.threshold("fasterBy", rule.fasterBy(), "minEpisodes", rule.minEpisodes())));
    }

    /** "tháng 7–8", "tháng 3, 7–8". */
    static String monthsVi(TreeSet<Integer> months) {
        return "tháng " + runs(months);
    }

    static String monthsEn(TreeSet<Integer> months) {
        List<String> names = new ArrayList<>();
        for (String run : runs(months).split(", ")) {
            String[] ends = run.split("–");
            String a = java.time.Month.of(Integer.parseInt(ends[0])).getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
            names.add(ends.length == 1 ? a : a + "–" + java.time.Month.of(Integer.parseInt(ends[1]))
                    .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
        }
        return String.join(", ", names);
    }

    private static String runs(TreeSet<Integer> months) {
        List<String> out = new ArrayList<>();
        Integer start = null;
        Integer prev = null;
        for (int m : months) {
            if (start == null) {
                start = m;
            } else if (m != prev + 1) {
                out.add(start.equals(prev) ? "" + start : start + "–" + prev);
                start = m;
            }
            prev = m;
        }
        if (start != null) {
            out.add(start.equals(prev) ? "" + start : start + "–" + prev);
        }
        return String.join(", ", out);
    }
}
