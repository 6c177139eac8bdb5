package borderwatch.bench;

import borderwatch.forecast.Forecaster;
import borderwatch.forecast.WarningRule;
import borderwatch.gate.GateDecision.LevelCleared;
import borderwatch.gate.GateDecision.LevelRaised;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.LevelPolicy;
import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.service.ReadModels;
import borderwatch.sim.Poisson;
import borderwatch.traffic.TrafficProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Scores the forecaster on simulated months it is never told about. A hidden world runs minute by
 * minute: arrivals at each gate's usual rate with day-to-day noise, harvest surges and closures that
 * start at random times with random sizes and lengths, lanes clearing up to capacity. Only what a
 * gate system would report reaches the read model (vehicles cleared each minute, a queue report every
 * 5 minutes, the levels the gate decides from them), and every 15 minutes the forecaster runs on it.
 *
 * <p>Scores: alert episodes warned at least an hour ahead, the median lead, the share of warnings that
 * were false, and the mean absolute error of waiting at +1, +3 and +6 hours, against a naive forecast
 * (the queue stays as it is) in the same run. Warnings are those the service would issue: {@link
 * WarningRule} after each forecast.
 */
final class ForecastBench {

    private static final int ALERT = 2;
    private static final double USUAL_LOAD = 0.7;
    private static final int[] AHEAD_STEPS = {4, 12, 24};

    private final Province province = Province.defaults();
    private final List<GateConfig> gates = province.all();
    private final TrafficProfile profile = new TrafficProfile(gates);
    private final SplittableRandom random;

    ForecastBench(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A hidden change at a gate: arrivals × {@code arrivals} (exports only for a surge) and capacity × {@code capacity}. */
    private record Scenario(String gate, Instant from, Instant to, double exportSurge, double capacity) {
    }

    Map<String, Object> run(int days) {
        Instant start = Instant.parse("2025-05-01T00:00:00Z");
        Instant end = start.plus(Duration.ofDays(days));
        List<Scenario> scenarios = scenarios(start, end);
        ReadModel model = new ReadModel(province, ReadModels.ALL);
        Map<String, double[]> queue = new HashMap<>();
        Map<String, Integer> level = new HashMap<>();
        Map<String, Double> dayNoise = new HashMap<>();
        gates.forEach(g -> {
            queue.put(g.id(), new double[2]);
            level.put(g.id(), 0);
        });
        // Truth and forecasts, per gate, per quarter-hour.
        Map<String, List<Integer>> truthWaiting = new LinkedHashMap<>();
        Map<String, List<Integer>> truthLevel = new LinkedHashMap<>();
        Map<String, List<Forecaster.GateForecast>> forecasts = new LinkedHashMap<>();
        gates.forEach(g -> {
            truthWaiting.put(g.id(), new ArrayList<>());
            truthLevel.put(g.id(), new ArrayList<>());
            forecasts.put(g.id(), new ArrayList<>());
        });
        long position = 0;
        long runs = 0;
        long started = System.nanoTime();
        for (Instant t = start; t.isBefore(end); t = t.plusSeconds(60)) {
            long minute = t.getEpochSecond() / 60;
            if (minute % (24 * 60) == 0) {
                gates.forEach(g -> dayNoise.put(g.id(), 0.85 + 0.3 * random.nextDouble()));
            }
            for (GateConfig g : gates) {
                double surge = 1;
                double capacity = 1;
                for (Scenario s : scenarios) {
                    if (s.gate().equals(g.id()) && !t.isBefore(s.from()) && t.isBefore(s.to())) {
                        surge *= s.exportSurge();
                        capacity *= s.capacity();
                    }
                }
                double[] q = queue.get(g.id());
                int hour = t.atZone(g.zone()).getHour();
                for (Direction d : Direction.values()) {
                    int i = d == Direction.EXPORT ? 0 : 1;
                    double rate = usualDaily(g, d) * TrafficProfile.hourShare(hour) / 60.0 * dayNoise.get(g.id())
                            * (d == Direction.EXPORT ? surge : 1);
                    q[i] += poisson(rate);
                    double lane = (d == Direction.EXPORT ? g.exportPerHour() : g.importPerHour()) / 60.0 * capacity;
                    int cleared = (int) Math.min(Math.floor(q[i]), poisson(lane));
                    q[i] -= cleared;
                    if (cleared > 0) {
                        model.apply(++position, new VehiclesCleared("v" + position, g.id(), d, cleared, t));
                    }
                }
                if (minute % 5 == 0) {
                    int waiting = (int) Math.round(q[0] + q[1]);
                    double yard = Math.min(1.0, waiting / (double) g.yardCapacity());
                    model.apply(++position, new QueueObserved("q" + position, g.id(), waiting, yard, t));
                    int before = level.get(g.id());
                    int after = g.levels().next(before, waiting, yard);
                    if (after > before) {
                        model.apply(++position, new LevelRaised("l" + position, g.id(), before, after, "waiting", waiting, yard, t));
                    } else if (after < before) {
                        model.apply(++position, new LevelCleared("l" + position, g.id(), before, after, waiting, yard, t));
                    }
                    level.put(g.id(), after);
                }
            }
            if (minute % 15 == 14) {
                Instant now = t.plusSeconds(60);
                Map<String, Forecaster.GateForecast> f = Forecaster.run(model, now, Map.of());
                runs++;
                for (GateConfig g : gates) {
                    double[] q = queue.get(g.id());
                    truthWaiting.get(g.id()).add((int) Math.round(q[0] + q[1]));
                    truthLevel.get(g.id()).add(level.get(g.id()));
                    forecasts.get(g.id()).add(f.get(g.id()));
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return score(truthWaiting, truthLevel, forecasts, scenarios.size(), days, runs, seconds);
    }

    /**
     * The world's usual day: the province's profile, but never more than {@link #USUAL_LOAD} of what a lane can
     * clear in a day. At Tân Thanh the profile's exports are 99% of the export lane's day; with surges on top its
     * queue would pile up for the whole year (thousands of trucks), which no real gate sees: shippers stop
     * dispatching long before. At 70% the lane still backs up in the busiest hours of an ordinary day.
     */
    private double usualDaily(GateConfig g, Direction d) {
        int lane = d == Direction.EXPORT ? g.exportPerHour() : g.importPerHour();
        return Math.min(profile.dailyVehicles(g, d), USUAL_LOAD * lane * 24);
    }

    /** Harvest surges at the gates that take fruit, closures anywhere; random starts, sizes and lengths. */
    private List<Scenario> scenarios(Instant start, Instant end) {
        List<Scenario> out = new ArrayList<>();
        long span = Duration.between(start, end).toMinutes();
        int surges = (int) Math.max(1, span / (6 * 24 * 60));
        int closures = (int) Math.max(1, span / (4 * 24 * 60));
        List<GateConfig> fruit = gates.stream().filter(g -> g.mayExport(province.watchedGoods())).toList();
        for (int i = 0; i < surges; i++) {
            GateConfig g = fruit.get(random.nextInt(fruit.size()));
            Instant from = start.plus(Duration.ofMinutes(random.nextLong(span)));
            out.add(new Scenario(g.id(), from, from.plus(Duration.ofHours(12 + random.nextInt(60))),
                    1.5 + random.nextDouble() * 1.5, 1));
        }
        for (int i = 0; i < closures; i++) {
            GateConfig g = gates.get(random.nextInt(gates.size()));
            Instant from = start.plus(Duration.ofMinutes(random.nextLong(span)));
            out.add(new Scenario(g.id(), from, from.plus(Duration.ofMinutes(180 + random.nextInt(540))), 1, 0));
        }
        return out;
    }

    private Map<String, Object> score(Map<String, List<Integer>> truthWaiting, Map<String, List<Integer>> truthLevel,
                                      Map<String, List<Forecaster.GateForecast>> forecasts, int scenarios, int days,
                                      long runs, double seconds) {
        int episodes = 0;
        int warnedHourAhead = 0;
        List<Long> leads = new ArrayList<>();
        int streaks = 0;
        int falseStreaks = 0;
        double[] errorForecast = new double[AHEAD_STEPS.length];
        double[] errorNaive = new double[AHEAD_STEPS.length];
        long[] samples = new long[AHEAD_STEPS.length];
        for (String gate : truthLevel.keySet()) {
            List<Integer> levels = truthLevel.get(gate);
            List<Integer> waiting = truthWaiting.get(gate);
            List<Forecaster.GateForecast> f = forecasts.get(gate);
            int n = levels.size();
            // The warnings the service would issue and withdraw (WarningRule), run after each forecast; an alert warning
            // is one of alert or above, in force from its issue until withdrawn or the level is reached.
            LevelPolicy policy = province.get(gate).levels();
            int warnedLevel = 0;
            int alertSince = -1;
            for (int i = 0; i < n; i++) {
                if (i > 0 && levels.get(i) >= ALERT && levels.get(i - 1) < ALERT) {
                    episodes++;
                    // The level rose after the previous run: count the lead from the issue to that run, never more.
                    long lead = alertSince < 0 ? 0 : (long) (i - 1 - alertSince) * 15;
                    if (lead >= 60) {
                        warnedHourAhead++;
                    }
                    leads.add(lead);
                }
                WarningRule.Decision decision = WarningRule.decide(warnedLevel, levels.get(i), f.get(i), policy);
                if (decision instanceof WarningRule.Issue issue) {
                    warnedLevel = issue.warning().level();
                } else if (decision instanceof WarningRule.Withdraw) {
                    warnedLevel = 0;
                }
                if (warnedLevel >= ALERT && alertSince < 0) {
                    alertSince = i;
                    streaks++;
                } else if (warnedLevel < ALERT && alertSince >= 0) {
                    boolean cameTrue = levels.subList(alertSince, i + 1).stream().anyMatch(l -> l >= ALERT);
                    if (!cameTrue) {
                        falseStreaks++;
                    }
                    alertSince = -1;
                }
            }
            for (int a = 0; a < AHEAD_STEPS.length; a++) {
                int ahead = AHEAD_STEPS[a];
                for (int i = 0; i + ahead < n; i++) {
                    int actual = waiting.get(i + ahead);
                    errorForecast[a] += Math.abs(f.get(i).points().get(ahead - 1).waiting() - actual);
                    errorNaive[a] += Math.abs(waiting.get(i) - actual);
                    samples[a]++;
                }
            }
        }
        leads.sort(Long::compare);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("days", days);
        out.put("hiddenScenarios", scenarios);
        out.put("forecastRuns", runs);
        out.put("seconds", Math.round(seconds * 10) / 10.0);
        out.put("alertEpisodes", episodes);
        out.put("warnedHourAheadPercent", episodes == 0 ? null : Math.round(1000.0 * warnedHourAhead / episodes) / 10.0);
        out.put("medianLeadMinutes", leads.isEmpty() ? null : leads.get(leads.size() / 2));
        out.put("warnings", streaks);
        out.put("falseWarningPercent", streaks == 0 ? null : Math.round(1000.0 * falseStreaks / streaks) / 10.0);
        String[] names = {"1h", "3h", "6h"};
        for (int a = 0; a < AHEAD_STEPS.length; a++) {
            out.put("maeWaiting" + names[a], Math.round(10 * errorForecast[a] / samples[a]) / 10.0);
            out.put("maeWaitingNaive" + names[a], Math.round(10 * errorNaive[a] / samples[a]) / 10.0);
        }
        return out;
    }

    private int poisson(double lambda) {
        return Poisson.sample(random, lambda);
    }
}
