package borderwatch.forecast;

import borderwatch.province.GateConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a backtest's forecast fared, per gate and overall:
 * <ul>
 * <li>alert episodes (the gate's actual level at or above {@link #ALERT_LEVEL}, from raising to falling
 * below it) that began in the period, and how many had a warning of such a level in force at least
 * {@link #LEAD} before they began; the median lead of those (from the warning's issue);</li>
 * <li>warnings of an alert level issued in the period, and the share that did not come true: the gate
 * did not reach the warned level within {@link Forecaster#WARNING_HORIZON} plus {@link #LATE} of the
 * warning (one issued so late in the period that this time runs past its end is not judged);</li>
 * <li>the mean absolute error of the trucks waiting at +1, +3 and +6 h, against the queue reported
 * then (within {@link #MATCH} before), for the forecast, for "the queue stays as it is"
 * (persistence) and for "as it was a week before" — each on the moments where it and the truth
 * are both known, with their counts.</li>
 * </ul>
 */
public record BacktestScore(Instant from, Instant to, Duration every, long steps, Map<String, Gate> gates, Gate overall) {

    public static final int ALERT_LEVEL = 2;
    public static final Duration LEAD = Duration.ofHours(1);
    public static final Duration LATE = Duration.ofHours(1);
    public static final Duration MATCH = Duration.ofMinutes(15);
    static final int[] HORIZONS = {1, 3, 6};

    /** One horizon's errors in trucks waiting. */
    public record Error(int hoursAhead, long samples, Double forecastMae, Double persistenceMae, Double ratioToPersistence,
                        long lastWeekSamples, Double lastWeekMae, Double forecastMaeWhereLastWeek) {
    }

    public record Gate(int alertEpisodes, int warnedAnHourAhead, Double warnedShare, Long medianLeadMinutes,
                       int alertWarnings, int falseWarnings, Double falseShare, List<Error> errors) {
    }

    /** What happened, from the store: queue reports and the gates' levels over time. */
    static final class Truth {
        private final Map<String, List<long[]>> queues = new HashMap<>();
        private final Map<String, long[][]> sealed = new HashMap<>();
        private final Map<String, List<long[]>> levels = new HashMap<>();

        void observed(String gate, Instant at, int waiting) {
            queues.computeIfAbsent(gate, g -> new ArrayList<>()).add(new long[] {at.getEpochSecond(), waiting});
        }

        void seal() {
            queues.forEach((g, list) -> {
                long[][] a = list.toArray(long[][]::new);
                Arrays.sort(a, (x, y) -> Long.compare(x[0], y[0]));
                sealed.put(g, a);
            });
            queues.clear();
        }

        /** The queue reported at or before {@code at}, within {@link #MATCH}; null when none is that close. */
        Integer waitingAt(String gate, Instant at) {
            long[][] a = sealed.get(gate);
            if (a == null) {
                return null;
            }
            long t = at.getEpochSecond();
            int lo = 0;
            int hi = a.length - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (a[mid][0] <= t) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found < 0 || t - a[found][0] > MATCH.toSeconds() ? null : (int) a[found][1];
        }

        /** The gate's level from {@code at} on: the level standing at the start, then each change, in time order. */
        void level(String gate, Instant at, int level) {
            levels.computeIfAbsent(gate, g -> new ArrayList<>()).add(new long[] {at.getEpochSecond(), level});
        }

        List<long[]> levels(String gate) {
            return levels.getOrDefault(gate, List.of());
        }
    }

    /** The forecast waiting at each horizon, per gate and step. */
    static final class Forecasts {
        private final Map<String, List<int[]>> byGate = new LinkedHashMap<>();
        private final Map<String, List<Instant>> times = new HashMap<>();

        void add(Forecaster.GateForecast f) {
            int[] ahead = new int[HORIZONS.length];
            for (int i = 0; i < HORIZONS.length; i++) {
                Instant target = f.from().plus(Duration.ofHours(HORIZONS[i]));
                ahead[i] = -1;
                for (Forecaster.Point p : f.points()) {
                    if (p.at().equals(target)) {
                        ahead[i] = p.waiting();
                        break;
                    }
                }
            }
            byGate.computeIfAbsent(f.gate(), g -> new ArrayList<>()).add(ahead);
            times.computeIfAbsent(f.gate(), g -> new ArrayList<>()).add(f.from());
        }
    }

    static BacktestScore of(Backtest.Options options, List<GateConfig> gates, Truth truth, Forecasts forecasts,
                            List<Backtest.WarningRecord> warnings) {
        Map<String, Gate> byGate = new LinkedHashMap<>();
        Tally all = new Tally();
        for (GateConfig g : gates) {
            Tally t = new Tally();
            episodes(g.id(), options, truth, warnings, t);
            warnings(g.id(), options, truth, warnings, t);
            errors(g.id(), truth, forecasts, t);
            byGate.put(g.id(), t.gate());
            all.add(t);
        }
        return new BacktestScore(options.from(), options.to(), options.every(), options.steps(), byGate, all.gate());
    }

    private static void episodes(String gate, Backtest.Options options, Truth truth, List<Backtest.WarningRecord> warnings,
                                 Tally t) {
        int level = 0;
        for (long[] change : truth.levels(gate)) {
            boolean starts = level < ALERT_LEVEL && change[1] >= ALERT_LEVEL;
            level = (int) change[1];
            Instant start = Instant.ofEpochSecond(change[0]);
            if (!starts || !start.isAfter(options.from().plus(LEAD)) || start.isAfter(options.to())) {
                continue;
            }
            t.episodes++;
            Instant ahead = start.minus(LEAD);
            warnings.stream().filter(w -> w.gate().equals(gate) && w.level() >= ALERT_LEVEL)
                    .filter(w -> !w.issuedAt().isAfter(ahead) && (w.endedAt() == null || w.endedAt().isAfter(ahead)))
                    .findFirst().ifPresent(w -> {
                        t.warned++;
                        t.leads.add(Duration.between(w.issuedAt(), start).toMinutes());
                    });
        }
    }

    private static void warnings(String gate, Backtest.Options options, Truth truth, List<Backtest.WarningRecord> warnings,
                                 Tally t) {
        for (Backtest.WarningRecord w : warnings) {
            Instant until = w.issuedAt().plus(Forecaster.WARNING_HORIZON).plus(LATE);
            // Issued in the period, and old enough by its end to have come true or not.
            if (!w.gate().equals(gate) || w.level() < ALERT_LEVEL || w.issuedAt().isBefore(options.from())
                    || until.isAfter(options.to())) {
                continue;
            }
            t.alertWarnings++;
            // The highest level the gate stood at from the warning until the horizon (and a little) had passed.
            int highest = 0;
            int level = 0;
            for (long[] change : truth.levels(gate)) {
                Instant at = Instant.ofEpochSecond(change[0]);
                if (at.isAfter(until)) {
                    break;
                }
                if (at.isAfter(w.issuedAt())) {
                    highest = Math.max(highest, (int) change[1]);
                }
                level = (int) change[1];
                if (!at.isAfter(w.issuedAt())) {
                    highest = level;
                }
            }
            boolean cameTrue = highest >= w.level();
            if (!cameTrue) {
                t.falseWarnings++;
            }
        }
    }

    private static void errors(String gate, Truth truth, Forecasts forecasts, Tally t) {
        List<int[]> ahead = forecasts.byGate.getOrDefault(gate, List.of());
        List<Instant> times = forecasts.times.getOrDefault(gate, List.of());
        for (int i = 0; i < ahead.size(); i++) {
            Instant now = times.get(i);
            Integer then = truth.waitingAt(gate, now);
            for (int h = 0; h < HORIZONS.length; h++) {
                Instant target = now.plus(Duration.ofHours(HORIZONS[h]));
                Integer actual = truth.waitingAt(gate, target);
                if (actual == null || then == null || ahead.get(i)[h] < 0) {
                    continue;
                }
                double[] e = t.errors[h];
                e[0]++;
                e[1] += Math.abs(ahead.get(i)[h] - actual);
                e[2] += Math.abs(then - actual);
                Integer lastWeek = truth.waitingAt(gate, target.minus(Duration.ofDays(7)));
                if (lastWeek != null) {
                    e[3]++;
                    e[4] += Math.abs(lastWeek - actual);
                    e[5] += Math.abs(ahead.get(i)[h] - actual);
                }
            }
        }
    }

    /** Counts for one gate or all of them. */
    private static final class Tally {
        int episodes;
        int warned;
        List<Long> leads = new ArrayList<>();
        int alertWarnings;
        int falseWarnings;
        /** Per horizon: samples, |forecast|, |persistence|, last-week samples, |last week|, |forecast| there. */
        double[][] errors = new double[HORIZONS.length][6];

        void add(Tally o) {
            episodes += o.episodes;
            warned += o.warned;
            leads.addAll(o.leads);
            alertWarnings += o.alertWarnings;
            falseWarnings += o.falseWarnings;
            for (int h = 0; h < HORIZONS.length; h++) {
                for (int k = 0; k < 6; k++) {
                    errors[h][k] += o.errors[h][k];
                }
            }
        }

        Gate gate() {
            List<Long> sorted = new ArrayList<>(leads);
            sorted.sort(null);
            Long median = sorted.isEmpty() ? null : sorted.get(sorted.size() / 2);
            List<Error> out = new ArrayList<>();
            for (int h = 0; h < HORIZONS.length; h++) {
                double[] e = errors[h];
                Double f = e[0] == 0 ? null : round(e[1] / e[0]);
                Double p = e[0] == 0 ? null : round(e[2] / e[0]);
                Double ratio = f == null || e[2] == 0 ? null : round(e[1] / e[2]);
                out.add(new Error(HORIZONS[h], (long) e[0], f, p, ratio, (long) e[3], e[3] == 0 ? null : round(e[4] / e[3]),
                        e[3] == 0 ? null : round(e[5] / e[3])));
            }
            return new Gate(episodes, warned, episodes == 0 ? null : round((double) warned / episodes), median,
                    alertWarnings, falseWarnings, alertWarnings == 0 ? null : round((double) falseWarnings / alertWarnings),
                    out);
        }

        private static double round(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }

    /** The scores as a table to read in a terminal: one line per gate and one overall. */
    public String table() {
        BacktestScore score = this;
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%-12s %9s %9s %8s %9s %7s %12s %12s %12s%n", "gate", "episodes",
                "warned≥1h", "lead", "warnings", "false", "MAE+1h ×p", "MAE+3h ×p", "MAE+6h ×p"));
        Map<String, Gate> rows = new LinkedHashMap<>(score.gates());
        rows.put("overall", score.overall());
        rows.forEach((gate, g) -> {
            t.append(String.format(Locale.ROOT, "%-12s %9d %9s %8s %9d %7s", gate, g.alertEpisodes(),
                    g.alertEpisodes() == 0 ? "—" : g.warnedAnHourAhead() + " " + percent(g.warnedShare()),
                    g.medianLeadMinutes() == null ? "—" : g.medianLeadMinutes() / 60 + "h" + String.format("%02d", g.medianLeadMinutes() % 60),
                    g.alertWarnings(), percent(g.falseShare())));
            for (Error e : g.errors()) {
                t.append(String.format(Locale.ROOT, " %12s", e.forecastMae() == null ? "—"
                        : String.format(Locale.ROOT, "%.1f %.2f", e.forecastMae(), e.ratioToPersistence() == null ? Double.NaN
                                : e.ratioToPersistence())));
            }
            t.append('\n');
        });
        return t.toString();
    }

    private static String percent(Double share) {
        return share == null ? "—" : Math.round(share * 100) + "%";
    }
}
