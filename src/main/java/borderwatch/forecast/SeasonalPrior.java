package borderwatch.forecast;

import borderwatch.province.GateConfig;
import borderwatch.traffic.GateDay;
import borderwatch.traffic.GoodsLine;
import borderwatch.traffic.Traffic;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What last year says of this time of year, per lane and per goods group. Each group's trucks in the
 * week around this day 52 weeks ago (same weekdays) are set against the four weeks before it — a
 * harvest that began then is expected to begin again — and the groups are weighed by their share of
 * the lane over the last week, so a fruit harvest lifts a lane by as much as fruit is of it now, not
 * as much as it was of it last year. Reports that named no group count as a group of their own. Each
 * factor lies between {@link #MIN} and {@link #MAX}; without {@link #DAYS} days of last year's counts
 * in both spans the lane's factor is 1.
 */
final class SeasonalPrior {

    static final double MIN = 0.7;
    static final double MAX = 2.0;
    static final int DAYS = 5;
    private static final String UNNAMED = "";

    private SeasonalPrior() {
    }

    /** The export and import lanes' factors at {@code now}. */
    static double[] of(GateConfig g, Traffic traffic, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, g.zone());
        LocalDate lastYear = today.minusWeeks(52);
        Map<String, double[]> week = dailyMeans(g, traffic, lastYear.minusDays(3), lastYear.plusDays(3), DAYS);
        Map<String, double[]> before = dailyMeans(g, traffic, lastYear.minusDays(31), lastYear.minusDays(4), DAYS);
        double[] out = {1, 1};
        if (week == null || before == null) {
            return out;
        }
        Map<String, double[]> lately = dailyMeans(g, traffic, today.minusDays(7), today.minusDays(1), 1);
        Map<String, double[]> weights = lately == null ? before : lately;
        Set<String> groups = new HashSet<>(before.keySet());
        groups.addAll(week.keySet());
        for (int lane = 0; lane < 2; lane++) {
            double weighted = 0;
            double weight = 0;
            for (String group : groups) {
                double share = weights.getOrDefault(group, new double[2])[lane];
                double was = before.getOrDefault(group, new double[2])[lane];
                double then = week.getOrDefault(group, new double[2])[lane];
                // A group last year's month did not carry has no season to speak of yet: it counts as usual.
                double factor = was > 0 ? clamp(then / was) : 1;
                weighted += share * factor;
                weight += share;
            }
            if (weight > 0) {
                out[lane] = clamp(weighted / weight);
            }
        }
        return out;
    }

    /** Mean trucks a day per lane and goods group over the days with any; null with fewer than {@code minDays}. */
    private static Map<String, double[]> dailyMeans(GateConfig g, Traffic traffic, LocalDate first, LocalDate last,
                                                    int minDays) {
        Map<String, double[]> sum = new HashMap<>();
        int days = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            GateDay day = traffic.day(g.id(), d);
            if (day.exportVehicles() + day.importVehicles() == 0) {
                continue;
            }
            days++;
            day.goods().forEach((group, line) -> add(sum, group, line));
            add(sum, UNNAMED, day.unclassified());
        }
        if (days < minDays) {
            return null;
        }
        int n = days;
        sum.values().forEach(v -> {
            v[0] /= n;
            v[1] /= n;
        });
        return sum;
    }

    private static void add(Map<String, double[]> sum, String group, GoodsLine line) {
        double[] v = sum.computeIfAbsent(group, k -> new double[2]);
        v[0] += line.exportVehicles();
        v[1] += line.importVehicles();
    }

    private static double clamp(double v) {
        return Math.max(MIN, Math.min(MAX, v));
    }
}
