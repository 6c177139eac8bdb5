package borderwatch.report;

import borderwatch.tradeplan.PlanProgress;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's opening paragraphs in the province's own wording: "Tổng kim ngạch 4.750 triệu USD, đạt
 * 91% kế hoạch, giảm 2,4% so với cùng kỳ; …", the local-goods sentence, and for a period from
 * January the year-end estimate ("Ước cả năm …"). A comparison that cannot be made is left out of
 * the sentence and said once, never written as 0.
 */
final class Headline {

    private Headline() {
    }

    static List<String> paragraphs(PlanProgress s, ReportFormat f, ReportPeriod period) {
        List<String> out = new ArrayList<>();
        out.add(sentence(s, f, period));
        if (period.fromJanuary() && !period.id().equals("year") && s.total().projectedUsd() != null) {
            out.add(estimate(s, f));
        }
        return out;
    }

    /** The whole year's headline. */
    static String sentence(PlanProgress s, ReportFormat f) {
        return sentence(s, f, ReportPeriod.of("year", s.year(), s.asOfDate()));
    }

    static String sentence(PlanProgress s, ReportFormat f, ReportPeriod period) {
        boolean vi = f.vi();
        boolean year = period.id().equals("year");
        String lead = year ? f.say("Tổng kim ngạch ", "Total turnover ")
                : (vi ? capitalise(period.id().equals("ytd") ? "từ đầu năm đến ngày " + f.date(s.asOfDate())
                                   : period.isRange() ? period.nameVi() : period.nameVi() + " năm " + s.year()) + ", tổng kim ngạch "
                      : capitalise(period.id().equals("ytd") ? "from 1 January to " + f.date(s.asOfDate())
                                   : period.isRange() ? period.nameEn().replaceFirst(",$", "")
                                   : period.nameEn() + " " + s.year()) + ", total turnover ");
        String text = lead + line(s.total(), f, year) + "; " + f.say("xuất khẩu ", "exports ") + line(s.export(), f, year)
                + "; " + f.say("nhập khẩu ", "imports ") + line(s.imports(), f, year) + ".";
        if (showsLocal(s)) {
            text += " " + localSentence(s, f, year);
        }
        if (s.total().changePercent() == null || s.export().changePercent() == null || s.imports().changePercent() == null) {
            text += f.say(" Chưa có số liệu cùng kỳ năm trước để so sánh.", " There are no figures for the same period last")
                    + " year to compare with.";
        }
        return text;
    }

    /** "4.750 triệu USD, đạt 91% kế hoạch, giảm 2,4% so với cùng kỳ", each part only when it can be said. */
    private static String line(PlanProgress.Line l, ReportFormat f, boolean year) {
        StringBuilder b = new StringBuilder(f.millionsUsd(l.yearToDateUsd()));
        if (l.percentOfPlan() != null) {
            b.append(", ").append(f.ofPlan(l.percentOfPlan(), year));
        }
        if (l.changePercent() != null) {
            b.append(", ").append(f.change(l.changePercent()));
        }
        return b.toString();
    }

    /** "Các mặt hàng xuất khẩu chủ yếu của địa phương ước đạt 137,5 triệu USD, đạt 100% kế hoạch, tăng 9,6% so với cùng kỳ." */
    static String localSentence(PlanProgress s, ReportFormat f, boolean year) {
        PlanProgress.Line l = s.localExport();
        // A year not yet over gives an estimate, which the department writes "ước đạt".
        boolean complete = s.asOfDate().getMonthValue() == 12 && s.asOfDate().getDayOfMonth() == 31;
        return (f.vi() ? "Các mặt hàng xuất khẩu chủ yếu của địa phương " + (complete || !year ? "đạt " : "ước đạt ")
                       : "Main local export goods ") + line(l, f, year) + ".";
    }

    /** "Ước cả năm, tổng kim ngạch đạt 5.020 triệu USD, bằng 96,2% kế hoạch năm; …". */
    private static String estimate(PlanProgress s, ReportFormat f) {
        boolean vi = f.vi();
        return f.say("Ước cả năm, tổng kim ngạch đạt ", "Estimated for the whole year: total turnover ")
                + projected(s.total(), f) + "; " + f.say("xuất khẩu ", "exports ") + projected(s.export(), f) + "; "
                + f.say("nhập khẩu ", "imports ") + projected(s.imports(), f) + ".";
    }

    private static String projected(PlanProgress.Line l, ReportFormat f) {
        return f.millionsUsd(l.projectedUsd()) + (l.projectedPercentOfPlan() == null ? ""
                : (f.vi() ? ", bằng " : ", ") + f.percent(l.projectedPercentOfPlan()) + (f.vi() ? " kế hoạch năm" : " of the annual plan"));
    }

    /** The local-goods line is shown when the plan sets its target or some exports were reported as local. */
    static boolean showsLocal(PlanProgress s) {
        PlanProgress.Line l = s.localExport();
        return l.planUsd() != null || l.yearToDateUsd().signum() > 0
               || (l.samePeriodLastYearUsd() != null && l.samePeriodLastYearUsd().signum() > 0);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
