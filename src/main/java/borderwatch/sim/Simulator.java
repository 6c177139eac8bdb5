package borderwatch.sim;

import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.Province;
import borderwatch.traffic.TrafficProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Simulated gate traffic, minute by minute: trucks arrive with the daily rhythm, wait in the yard,
 * and are cleared up to the gate's capacity. Event ids are derived from gate, minute and kind, so
 * simulating the same minute twice (after a restart) yields events the store recognises as repeats.
 */
public final class Simulator {

    private static final int QUEUE_REPORT_EVERY_MINUTES = 5;

    private final List<GateConfig> gates;
    private final TrafficProfile profile;
    private final GoodsMix goods;
    private final SplittableRandom random;
    private final Map<String, Map<Direction, Double>> waiting = new LinkedHashMap<>();
    private DemoScenarios scenarios = new DemoScenarios();

    public Simulator(Province province, long seed) {
        this.gates = List.copyOf(province.all());
        this.goods = new GoodsMix(province);
        this.profile = new TrafficProfile(gates);
        this.random = new SplittableRandom(seed);
        for (GateConfig g : gates) {
            Map<Direction, Double> q = new EnumMap<>(Direction.class);
            q.put(Direction.EXPORT, 0.0);
            q.put(Direction.IMPORT, 0.0);
            waiting.put(g.id(), q);
        }
    }

    /** Plays out the demo's surges and closures from now on. */
    public Simulator with(DemoScenarios scenarios) {
        this.scenarios = scenarios;
        return this;
    }

    /** Events for the whole minutes in {@code [from, to)}. */
    public List<GateReport> minutes(Instant from, Instant to) {
        List<GateReport> events = new ArrayList<>();
        long first = Math.floorDiv(from.getEpochSecond(), 60);
        long last = Math.floorDiv(to.getEpochSecond(), 60);
        for (long minute = first; minute < last; minute++) {
            for (GateConfig g : gates) {
                minute(g, minute, events);
            }
        }
        return events;
    }

    private void minute(GateConfig g, long epochMinute, List<GateReport> out) {
        Instant at = Instant.ofEpochSecond(epochMinute * 60);
        int hour = at.atZone(g.zone()).getHour();
        double capacityThisMinute = g.clearancePerHour() / 60.0 * scenarios.capacityFactor(g.id(), at);
        Map<Direction, Double> queue = waiting.get(g.id());
        double totalWaiting = 0;
        for (Direction d : Direction.values()) {
            double expected = profile.dailyVehicles(g, d) * TrafficProfile.hourShare(hour) / 60.0
                    * scenarios.arrivalFactor(g.id(), d, at);
            double q = queue.get(d) + poisson(expected);
            // Both directions share the gate's capacity in proportion to what waits.
            double share = d == Direction.EXPORT ? 0.35 : 0.65;
            int cleared = (int) Math.min(Math.floor(q), poisson(capacityThisMinute * share * 1.3));
            queue.put(d, q - cleared);
            totalWaiting += q - cleared;
            if (cleared > 0) {
                String id = "sim-" + g.id() + "-" + epochMinute + "-" + d.name().charAt(0);
                String group = goods.draw(g, d, at.atZone(g.zone()).getMonth(), random);
                out.add(new VehiclesCleared(id + "v", g.id(), d, cleared, at, group, false));
                out.add(new TurnoverRecorded(id + "t", g.id(), d, turnover(d, cleared), at, group, goods.local(d, random)));
            }
        }
        if (epochMinute % QUEUE_REPORT_EVERY_MINUTES == 0) {
            int w = (int) Math.round(totalWaiting);
            double occupancy = Math.min(1.0, Math.round(1000.0 * w / g.yardCapacity()) / 1000.0);
            out.add(new QueueObserved("sim-" + g.id() + "-" + epochMinute + "-q", g.id(), w, occupancy, at));
        }
    }

    /** The province's volumes against Lạng Sơn's, which the demo's plans are scaled by. */
    public double volumeScale() {
        return profile.scale();
    }

    private long turnover(Direction d, int vehicles) {
        long mean = TrafficProfile.centsPerVehicle(d);
        long cents = 0;
        for (int i = 0; i < vehicles; i++) {
            cents += Math.round(mean * (0.7 + 0.6 * random.nextDouble()));
        }
        return cents;
    }

    /**
     * One day's totals per gate and direction as a few events at local noon, for seeding history
     * (previous year and year to date) without simulating every minute.
     */
    public List<GateReport> dailyTotals(LocalDate date) {
        List<GateReport> events = new ArrayList<>();
        for (GateConfig g : gates) {
            Instant noon = ZonedDateTime.of(date.atTime(12, 0), g.zone()).toInstant();
            for (Direction d : Direction.values()) {
                int vehicles = Math.max(1, (int) Math.round(profile.dailyVehicles(g, d) * (0.85 + 0.3 * random.nextDouble())));
                String id = "sim-day-" + g.id() + "-" + date + "-" + d.name().charAt(0);
                // A day's totals as one goods group each: the mix shows over the days, as it does live.
                String group = goods.draw(g, d, date.getMonth(), random);
                events.add(new VehiclesCleared(id + "v", g.id(), d, vehicles, noon, group, false));
                events.add(new TurnoverRecorded(id + "t", g.id(), d, turnover(d, vehicles), noon, group,
                        goods.local(d, random)));
            }
        }
        return events;
    }

    private int poisson(double lambda) {
        return Poisson.sample(random, lambda);
    }
}
