package borderwatch.report;

import borderwatch.congestion.CongestionLog;
import borderwatch.forecast.TrackRecord;
import borderwatch.province.GateConfig;
import borderwatch.traffic.GateDay;
import borderwatch.traffic.Traffic;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Congestion in the report's days, told from the events: each gate's episodes, hours at each level
 * and its worst episode; the worst days of the province and what the data shows was happening
 * (clearance down, or arrivals up, and a harvest surge when the watched goods came in unusual
 * numbers); how fast the queue fell back after a response plan against episodes without one; and how
 * the early warnings fared. A gate without queue reports is said to have no data, never no congestion.
 */
final class CongestionStory {

    /** The level from which an episode is an alert: as the warnings are scored. */
    static final int ALERT = 2;
    private static final int WORST_DAYS = 3;

    /** One gate's day at the alert level or above, and what was happening. */
    record BadDay(String gate, LocalDate date, double alertHours, int peakWaiting, String cause, double clearedShare,
                  Double watchedTimes) {
    }

    private CongestionStory() {
    }

    static List<Episodes.Episode> episodes(AssessmentInput in, GateConfig g) {
        return Episodes.of(g.id(), CongestionLog.of(in.model()).levelChanges(g.id()), in.from(), in.to(), ALERT,
                ReportEvidence.of(in.model()));
    }

    static List<Finding> congestion(AssessmentInput in, DataCoverage.Counts coverage) {
        List<Finding> out = new ArrayList<>();
        ReportFormat vi = in.vi();
        ReportFormat en = in.en();
        // Gates with nothing to tell (no queue data; no episode on the same days of data) are said together.
        Map<List<Integer>, List<GateConfig>> quiet = new LinkedHashMap<>();
        for (GateConfig g : in.province().all()) {
            DataCoverage.GateCounts c = coverage.gate(g.id());
            if (c.queueDays() == 0) {
                quiet.computeIfAbsent(List.of(-1, c.days()), k -> new ArrayList<>()).add(g);
                continue;
            }
            List<Episodes.Episode> episodes = episodes(in, g);
            List<Episodes.Episode> alerts = episodes.stream().filter(e -> e.highest() >= ALERT).toList();
            PeriodReport.GateCongestion gc = in.report().congestion().stream().filter(x -> x.gate().equals(g.id()))
                    .findFirst().orElse(null);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("episodes", episodes.size());
            figures.put("alertEpisodes", alerts.size());
            figures.put("hoursAtLevel", gc == null ? Map.of() : gc.hoursAtLevel());
            figures.put("queueDays", c.queueDays());
            figures.put("days", c.days());
            List<Map<String, Object>> listed = new ArrayList<>();
            for (Episodes.Episode e : alerts) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("start", e.start());
                m.put("end", e.end());
                m.put("highestLevel", g.levels().idOf(e.highest()));
                m.put("peakWaiting", e.peakWaiting() < 0 ? null : e.peakWaiting());
                listed.add(m);
            }
            figures.put("alertEpisodeList", listed);
            // What a gate's figures rest on is said when it is not the whole period.
            boolean partial = c.queueDays() < c.days();
            String coverageVi = partial ? " (số liệu hàng đợi có trong " + c.queueDays() + "/" + c.days() + " ngày)" : "";
            String coverageEn = partial ? " (queue reports on " + c.queueDays() + " of " + c.days() + " days)" : "";
            if (episodes.isEmpty()) {
                quiet.computeIfAbsent(List.of(c.queueDays(), c.days()), k -> new ArrayList<>()).add(g);
                continue;
            }
            StringBuilder sv = new StringBuilder(g.nameVi() + ": " + episodes.size() + " đợt ùn tắc, trong đó " + alerts.size()
                    + " đợt ở mức " + levelVi(g, ALERT) + " trở lên" + coverageVi + "; ");
            StringBuilder se = new StringBuilder(g.nameEn() + ": " + episodes.size() + " congestion episodes, " + alerts.size()
                    + " of them at " + levelEn(g, ALERT) + " or above" + coverageEn + "; ");
            List<String> hv = new ArrayList<>();
            List<String> he = new ArrayList<>();
            if (gc != null) {
                for (int l = 1; l <= g.levels().levels().size(); l++) {
                    BigDecimal h = gc.hoursAtLevel().get(g.levels().idOf(l));
                    if (h != null && h.signum() > 0) {
                        hv.add(vi.oneDecimal(h) + " giờ ở mức " + levelVi(g, l));
                        he.add(en.oneDecimal(h) + " h at " + levelEn(g, l));
                    }
                }
            }
            sv.append(String.join(", ", hv)).append('.');
            se.append(String.join(", ", he)).append('.');
            Episodes.Episode worst = episodes.stream().max(Comparator.comparingInt(Episodes.Episode::highest)
                    .thenComparing(e -> e.length(in.to()))).orElseThrow();
            long minutes = worst.length(in.to()).toMinutes();
            figures.put("worstEpisode", Map.of("start", worst.start(), "minutes", minutes,
                    "highestLevel", g.levels().idOf(worst.highest()), "peakWaiting", worst.peakWaiting()));
            sv.append(" Đợt nặng nhất bắt đầu ").append(vi.dateTime(worst.start())).append(", kéo dài ")
              .append(vi.duration(minutes)).append(worst.end() == null ? " (chưa kết thúc)" : "").append(", mức ")
              .append(levelVi(g, worst.highest()));
            se.append(" The worst began ").append(en.dateTime(worst.start())).append(" and lasted ")
              .append(en.duration(minutes)).append(worst.end() == null ? " (still running)" : "").append(", at ")
              .append(levelEn(g, worst.highest()));
            if (worst.peakWaiting() >= 0) {
                sv.append(", cao nhất ").append(vi.integer(worst.peakWaiting())).append(g.kind() == borderwatch.province.GateKind.RAIL ? " toa" : " xe").append(" chờ");
                se.append(", with up to ").append(en.integer(worst.peakWaiting()))
                  .append(g.kind() == borderwatch.province.GateKind.RAIL ? " wagons" : " trucks").append(" waiting");
            }
            sv.append('.');
            se.append('.');
            out.add(Finding.of("congestion", g.id(), sv.toString(), se.toString(), figures));
        }
        quiet.forEach((key, gates) -> out.add(quiet(gates, key.get(0), key.get(1))));
        return out;
    }

    /** One statement for gates alike: without queue data ({@code queueDays} -1), or calm on the days they had it. */
    private static Finding quiet(List<GateConfig> gates, int queueDays, int days) {
        String namesVi = String.join(", ", gates.stream().map(GateConfig::nameVi).toList());
        String namesEn = String.join(", ", gates.stream().map(GateConfig::nameEn).toList());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("gates", gates.stream().map(GateConfig::id).toList());
        figures.put("queueDays", Math.max(0, queueDays));
        figures.put("days", days);
        figures.put("episodes", 0);
        String vi;
        String en;
        if (queueDays < 0) {
            vi = namesVi + ": không có báo cáo hàng đợi trong kỳ, chưa đánh giá được tình hình ùn tắc.";
            en = namesEn + ": no queue report in the period, so congestion there cannot be assessed.";
        } else if (queueDays < days) {
            vi = namesVi + ": trong " + queueDays + "/" + days + " ngày có báo cáo hàng đợi, không có đợt ùn tắc nào.";
            en = namesEn + ": on the " + queueDays + " of " + days + " days with queue reports, no congestion episode.";
        } else {
            vi = namesVi + ": không có đợt ùn tắc nào trong kỳ.";
            en = namesEn + ": no congestion episode in the period.";
        }
        String gate = gates.size() == 1 ? gates.get(0).id() : null;
        Finding f = Finding.of("congestion", gate, vi, en, figures);
        return gate == null ? f.numbered(String.join("+", gates.stream().map(GateConfig::id).toList())) : f;
    }

    static String levelVi(GateConfig g, int level) {
        return g.levels().config(level).nameVi();
    }

    static String levelEn(GateConfig g, int level) {
        return g.levels().config(level).nameEn();
    }

    /** The days of the period at the alert level or above, worst first, with what the data shows of each. */
    static List<BadDay> badDays(AssessmentInput in) {
        return badDays(in, ALERT);
    }

    /** The days of the period at {@code level} or above, most hours first. */
    static List<BadDay> badDays(AssessmentInput in, int level) {
        Traffic traffic = Traffic.of(in.model());
        ReportEvidence evidence = ReportEvidence.of(in.model());
        String watched = in.province().watchedGoods();
        List<BadDay> out = new ArrayList<>();
        LocalDate first = in.report().firstDay();
        LocalDate last = in.report().lastDay();
        for (GateConfig g : in.province().all()) {
            if (g.levels().levels().size() < level) {
                continue;
            }
            List<long[]> changes = CongestionLog.of(in.model()).levelChanges(g.id());
            if (changes.isEmpty()) {
                continue;
            }
            double usual = 0;
            double usualWatched = 0;
            int liveDays = 0;
            for (var e : traffic.daysOf(g.id(), first, last).entrySet()) {
                if (evidence.liveDay(g.id(), e.getKey())) {
                    usual += e.getValue().exportVehicles() + e.getValue().importVehicles();
                    usualWatched += watched == null ? 0 : e.getValue().goodsLine(watched).exportVehicles();
                    liveDays++;
                }
            }
            usual = liveDays == 0 ? 0 : usual / liveDays;
            usualWatched = liveDays == 0 ? 0 : usualWatched / liveDays;
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                Instant from = in.startOf(d);
                Instant to = in.startOf(d.plusDays(1));
                if (!from.isBefore(in.to())) {
                    break;
                }
                double hours = Episodes.hoursAtOrAbove(changes, level, from, to.isAfter(in.to()) ? in.to() : to);
                if (hours <= 0) {
                    continue;
                }
                GateDay day = traffic.day(g.id(), d);
                double cleared = day.exportVehicles() + day.importVehicles();
                double share = usual == 0 ? 1 : cleared / usual;
                Double watchedTimes = watched == null || usualWatched == 0 ? null
                        : day.goodsLine(watched).exportVehicles() / usualWatched;
                String cause = share < 0.3 ? "closure" : share < 0.75 ? "clearance-down"
                        : watchedTimes != null && watchedTimes >= 1.3 ? "harvest-surge" : "arrivals-up";
                out.add(new BadDay(g.id(), d, hours, evidence.peak(g.id(), from, to), cause, share, watchedTimes));
            }
        }
        out.sort(Comparator.comparingDouble((BadDay b) -> -b.alertHours()).thenComparing(BadDay::date));
        return out;
    }

    static List<Finding> worstDays(AssessmentInput in, List<BadDay> days) {
        if (days.isEmpty()) {
            return List.of();
        }
        ReportFormat vi = in.vi();
        ReportFormat en = in.en();
        List<String> vs = new ArrayList<>();
        List<String> es = new ArrayList<>();
        List<Map<String, Object>> cited = new ArrayList<>();
        for (BadDay b : days.subList(0, Math.min(WORST_DAYS, days.size()))) {
            GateConfig g = in.province().get(b.gate());
            String share = vi.percent(AssessmentInput.oneDecimal(100 * b.clearedShare()));
            String shareEn = en.percent(AssessmentInput.oneDecimal(100 * b.clearedShare()));
            String why = switch (b.cause()) {
                case "closure" -> "gần như ngừng thông quan (chỉ " + share + " số phương tiện của ngày thường)";
                case "clearance-down" -> "thông quan giảm, còn " + share + " ngày thường: năng lực thông quan giảm";
                case "harvest-surge" -> "xe đến tăng do mùa vụ: xe " + watchedNameVi(in) + " gấp "
                        + vi.upToOneDecimal(AssessmentInput.oneDecimal(b.watchedTimes())) + " lần ngày thường, thông quan "
                        + share + " ngày thường";
                default -> "xe đến tăng: thông quan vẫn " + share + " ngày thường mà hàng chờ vẫn tăng";
            };
            String whyEn = switch (b.cause()) {
                case "closure" -> "clearance all but stopped (" + shareEn + " of a usual day's vehicles)";
                case "clearance-down" -> "clearance down to " + shareEn + " of a usual day: capacity fell";
                case "harvest-surge" -> "a harvest surge: " + watchedNameEn(in) + " trucks "
                        + en.upToOneDecimal(AssessmentInput.oneDecimal(b.watchedTimes())) + " times a usual day, clearance at "
                        + shareEn;
                default -> "more arrivals: clearance held at " + shareEn + " of a usual day and the queue still grew";
            };
            String peakVi = b.peakWaiting() < 0 ? "" : ", cao nhất " + vi.integer(b.peakWaiting()) + " xe chờ";
            String peakEn = b.peakWaiting() < 0 ? "" : ", up to " + en.integer(b.peakWaiting()) + " waiting";
            vs.add(vi.date(b.date()) + " tại " + g.nameVi() + ": " + vi.oneDecimal(AssessmentInput.oneDecimal(b.alertHours()))
                    + " giờ ở mức " + levelVi(g, ALERT) + " trở lên" + peakVi + "; " + why);
            es.add(en.date(b.date()) + " at " + g.nameEn() + ": " + en.oneDecimal(AssessmentInput.oneDecimal(b.alertHours()))
                    + " h at " + levelEn(g, ALERT) + " or above" + peakEn + "; " + whyEn);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", b.date());
            m.put("gate", b.gate());
            m.put("alertHours", AssessmentInput.oneDecimal(b.alertHours()));
            m.put("peakWaiting", b.peakWaiting() < 0 ? null : b.peakWaiting());
            m.put("cause", b.cause());
            m.put("clearedPercentOfUsual", AssessmentInput.oneDecimal(100 * b.clearedShare()));
            m.put("watchedGoodsTimesUsual", b.watchedTimes() == null ? null : AssessmentInput.oneDecimal(b.watchedTimes()));
            cited.add(m);
        }
        return List.of(Finding.of("worst-days", null, "Những ngày ùn tắc nặng nhất: " + String.join("; ", vs) + ".",
                "The worst days: " + String.join("; ", es) + ".", Map.of("days", cited, "alertDays", days.size())));
    }

    private static String watchedNameVi(AssessmentInput in) {
        return in.province().goodsGroup(in.province().watchedGoods()).map(x -> x.nameVi().toLowerCase(java.util.Locale.forLanguageTag("vi")))
                .orElse(in.province().watchedGoods());
    }

    private static String watchedNameEn(AssessmentInput in) {
        return in.province().goodsGroup(in.province().watchedGoods()).map(x -> x.nameEn().toLowerCase(java.util.Locale.ENGLISH))
                .orElse(in.province().watchedGoods());
    }

    /** Plans and what followed: minutes from activation to normal, against alert episodes without a plan. */
    record PlanEffect(int activated, List<Long> withPlanMinutes, List<Long> withoutPlanMinutes) {

        Long medianWith() {
            return median(withPlanMinutes);
        }

        Long medianWithout() {
            return median(withoutPlanMinutes);
        }

        private static Long median(List<Long> v) {
            if (v.isEmpty()) {
                return null;
            }
            List<Long> s = v.stream().sorted().toList();
            return s.get(s.size() / 2);
        }
    }

    static PlanEffect planEffect(AssessmentInput in) {
        int activated = 0;
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        for (GateConfig g : in.province().all()) {
            CongestionLog.Window w = CongestionLog.of(in.model()).window(g.id(), g.levels().levels().size(), in.from(), in.to());
            List<CongestionLog.PlanUse> plans = w.plans().stream().filter(p -> !p.from().isBefore(in.from())).toList();
            activated += plans.size();
            List<Episodes.Episode> all = Episodes.of(g.id(), CongestionLog.of(in.model()).levelChanges(g.id()),
                    in.from().minus(Duration.ofDays(30)), in.to(), ALERT, ReportEvidence.of(in.model()));
            for (CongestionLog.PlanUse p : plans) {
                all.stream().filter(e -> !e.start().isAfter(p.from()) && e.end() != null && e.end().isAfter(p.from()))
                   .findFirst().ifPresent(e -> with.add(Duration.between(p.from(), e.end()).toMinutes()));
            }
            for (Episodes.Episode e : all) {
                boolean planned = w.plans().stream().anyMatch(p -> p.from().isBefore(e.end() == null ? in.to() : e.end())
                        && (p.to() == null || p.to().isAfter(e.start())));
                if (!planned && e.alertFrom() != null && e.end() != null && !e.start().isBefore(in.from())) {
                    without.add(Duration.between(e.alertFrom(), e.end()).toMinutes());
                }
            }
        }
        return new PlanEffect(activated, with, without);
    }

    static List<Finding> responsePlans(AssessmentInput in, PlanEffect p) {
        ReportFormat vi = in.vi();
        ReportFormat en = in.en();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("activated", p.activated());
        figures.put("medianMinutesToNormalAfterActivation", p.medianWith());
        figures.put("episodesWithoutPlan", p.withoutPlanMinutes().size());
        figures.put("medianMinutesToNormalWithoutPlan", p.medianWithout());
        if (p.activated() == 0) {
            if (p.withoutPlanMinutes().isEmpty()) {
                return List.of();
            }
            return List.of(Finding.of("response-plans", null,
                    "Không kích hoạt phương án ứng phó nào trong kỳ; " + p.withoutPlanMinutes().size() + " đợt ùn tắc ở mức cảnh báo trở lên"
                    + " tự trở về bình thường sau trung vị " + vi.duration(p.medianWithout()) + ".",
                    "No response plan was activated in the period; " + p.withoutPlanMinutes().size() + " alert-level episodes"
                    + " returned to normal after a median " + en.duration(p.medianWithout()) + ".", figures));
        }
        String v = "Phương án ứng phó được kích hoạt " + p.activated() + " lần"
                + (p.medianWith() == null ? "." : "; sau khi kích hoạt, hàng chờ trở về bình thường sau trung vị "
                   + vi.duration(p.medianWith()));
        String e = "Response plans were activated " + (p.activated() == 1 ? "once" : p.activated() + " times")
                + (p.medianWith() == null ? "." : "; after activation the queue returned to normal after a median "
                   + en.duration(p.medianWith()));
        if (p.medianWith() != null) {
            v += p.medianWithout() == null ? "." : ", so với " + vi.duration(p.medianWithout()) + " (từ khi đạt mức cảnh báo) ở "
                    + p.withoutPlanMinutes().size() + " đợt không áp dụng phương án.";
            e += p.medianWithout() == null ? "." : ", against " + en.duration(p.medianWithout()) + " (from reaching the alert level) in "
                    + p.withoutPlanMinutes().size() + " episodes without a plan.";
        }
        return List.of(Finding.of("response-plans", null, v, e, figures));
    }

    static List<Finding> warnings(AssessmentInput in, TrackRecord.Window w) {
        TrackRecord.Score s = w.overall();
        if (s.alertEpisodes() == 0 && s.alertWarnings() == 0) {
            return List.of();
        }
        ReportFormat vi = in.vi();
        ReportFormat en = in.en();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("alertEpisodes", s.alertEpisodes());
        figures.put("warnedAnHourAhead", s.warnedAnHourAhead());
        figures.put("warnedShare", s.warnedShare());
        figures.put("medianLeadMinutes", s.medianLeadMinutes());
        figures.put("alertWarnings", s.alertWarnings());
        figures.put("falseWarnings", s.falseWarnings());
        figures.put("falseShare", s.falseShare());
        figures.put("backtestedPeriods", w.backtested().size());
        String lead = s.medianLeadMinutes() == null ? "" : ", trung vị " + vi.duration(s.medianLeadMinutes());
        String leadEn = s.medianLeadMinutes() == null ? "" : ", median " + en.duration(s.medianLeadMinutes());
        String falseVi = s.alertWarnings() == 0 ? "không có cảnh báo sớm nào được đưa ra"
                : s.falseWarnings() + "/" + s.alertWarnings() + " cảnh báo không xảy ra";
        String falseEn = s.alertWarnings() == 0 ? "no early warning was given"
                : s.falseWarnings() + " of " + s.alertWarnings() + " warnings did not come true";
        String v = "Cảnh báo sớm: " + s.warnedAnHourAhead() + "/" + s.alertEpisodes()
                + " đợt ùn tắc ở mức cảnh báo trở lên được báo trước ít nhất 1 giờ" + lead + "; " + falseVi
                + (w.backtested().isEmpty() ? "." : " (gồm thời kỳ lịch sử nhập về, đánh giá bằng chạy thử).");
        String e = "Early warnings: " + s.warnedAnHourAhead() + " of " + s.alertEpisodes()
                + " alert-level episodes warned at least an hour ahead" + leadEn + "; " + falseEn
                + (w.backtested().isEmpty() ? "." : " (imported history included, judged by a backtest).");
        return List.of(Finding.of("warnings", null, v, e, figures));
    }
}
