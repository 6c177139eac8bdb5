package borderwatch.forecast;

import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.Province;
import borderwatch.sim.Poisson;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A world of border traffic built apart from the product's simulator and its usual-day profile, to
 * score the forecaster on ground it was not tuned on. Trucks drive up from the south overnight, so most
 * arrive between late afternoon and early morning; road gates are shut at night and the trucks that
 * come then wait for the opening; each day's volume varies, with harvest days a third busier; queue
 * reports come every quarter-hour, a few go missing; and an unannounced inspection campaign can cut
 * one gate's export clearance to a third for days. Only what gate systems report leaves the world.
 */
final class BorderWorld {

    /** An inspection campaign: the gate's export lane clears a third of its capacity from {@code from} to {@code to}. */
    record Campaign(String gate, Instant from, Instant to) {
    }

    /**
     * A fruit harvest: export trucks carry fruit in {@code fruitShare} of cases, and between {@code from}
     * and {@code to} (each year) fruit trucks come {@code surge} times as often. Cleared trucks are reported
     * by goods group.
     */
    record Harvest(java.time.MonthDay from, java.time.MonthDay to, double fruitShare, double surge) {

        boolean on(java.time.LocalDate day) {
            java.time.MonthDay d = java.time.MonthDay.from(day);
            return !d.isBefore(from) && !d.isAfter(to);
        }
    }

    private static final double[] ARRIVAL_SHAPE = {
        // 00 … 23 local: night-driving trucks arrive late and early; few at midday.
        6, 6, 5, 5, 6, 7, 7, 5, 3, 2, 2, 2, 2, 2, 3, 3, 4, 5, 6, 6, 7, 7, 6, 6};

    private final Province province;
    private final SplittableRandom random;
    private final LocalTime open;
    private final LocalTime close;
    private final List<Campaign> campaigns;
    private final double load;
    private Harvest harvest;
    private long id;

    /** {@code open}/{@code close}: the road gates' hours in this world (rail runs round the clock). */
    BorderWorld(Province province, long seed, LocalTime open, LocalTime close, double load, List<Campaign> campaigns) {
        this.province = province;
        this.random = new SplittableRandom(seed);
        this.open = open;
        this.close = close;
        this.load = load;
        this.campaigns = List.copyOf(campaigns);
    }

    /** Reports cleared trucks by goods group, with {@code harvest}'s fruit surge. */
    BorderWorld withHarvest(Harvest harvest) {
        this.harvest = harvest;
        return this;
    }

    private boolean isOpen(GateConfig g, Instant at) {
        if (g.kind() == borderwatch.province.GateKind.RAIL) {
            return true;
        }
        LocalTime t = at.atZone(g.zone()).toLocalTime();
        return !t.isBefore(open) && t.isBefore(close);
    }

    private double exportCapacity(GateConfig g, Instant at) {
        for (Campaign c : campaigns) {
            if (c.gate().equals(g.id()) && !at.isBefore(c.from()) && at.isBefore(c.to())) {
                return g.exportPerHour() / 3.0;
            }
        }
        return g.exportPerHour();
    }

    /** Plays {@code days} from {@code start}, handing each hour's reports of all gates to {@code out} as one batch. */
    void play(Instant start, int days, Consumer<RecordGateEvents> out) {
        List<GateConfig> gates = province.all();
        double[][] queue = new double[gates.size()][2];
        long[][] cleared = new long[gates.size()][2];
        double[][] carry = new double[gates.size()][2];
        double[] fruitQueue = new double[gates.size()];
        long[] fruitCleared = new long[gates.size()];
        double fruitFactor = 1;
        double shapeSum = 0;
        for (double s : ARRIVAL_SHAPE) {
            shapeSum += s;
        }
        double dayFactor = 1;

        List<GateReport> batch = new ArrayList<>();
        for (long minute = 0; minute < days * 1_440L; minute++) {
            Instant at = start.plus(Duration.ofMinutes(minute));
            ZonedDateTime local = at.atZone(province.zone());
            if (local.getHour() == 0 && local.getMinute() == 0 || minute == 0) {
                // A day's volume: ±15%, and one day in six a harvest day a third busier.
                dayFactor = (0.85 + 0.3 * random.nextDouble()) * (random.nextInt(6) == 0 ? 1.35 : 1.0);
                fruitFactor = harvest != null && harvest.on(local.toLocalDate()) ? harvest.surge() : 1;
            }
            for (int i = 0; i < gates.size(); i++) {
                GateConfig g = gates.get(i);
                double openHours = g.kind() == borderwatch.province.GateKind.RAIL ? 24
                        : Duration.between(open, close).toMinutes() / 60.0;
                double daily = load * g.clearancePerHour() * openHours * dayFactor;
                double perMinute = daily * ARRIVAL_SHAPE[local.getHour()] / shapeSum / 60.0;
                double exportShare = (double) g.exportPerHour() / g.clearancePerHour();
                if (harvest == null || !g.mayExport("fruit")) {
                    queue[i][0] += Poisson.sample(random, perMinute * exportShare);
                } else {
                    long fruit = Poisson.sample(random, perMinute * exportShare * harvest.fruitShare() * fruitFactor);
                    fruitQueue[i] += fruit;
                    queue[i][0] += fruit + Poisson.sample(random, perMinute * exportShare * (1 - harvest.fruitShare()));
                }
                queue[i][1] += Poisson.sample(random, perMinute * (1 - exportShare));
                if (isOpen(g, at)) {
                    double[] capacity = {exportCapacity(g, at) / 60.0, g.importPerHour() / 60.0};
                    for (int lane = 0; lane < 2; lane++) {
                        carry[i][lane] += capacity[lane];
                        long can = (long) carry[i][lane];
                        carry[i][lane] -= can;
                        long go = Math.min(can, (long) queue[i][lane]);
                        if (lane == 0 && harvest != null && go > 0 && fruitQueue[i] > 0) {
                            // The lane clears in arrival order, so fruit leaves in its share of the queue.
                            long fruit = Math.min((long) fruitQueue[i], Math.round(go * fruitQueue[i] / queue[i][0]));
                            fruitQueue[i] -= fruit;
                            fruitCleared[i] += fruit;
                        }
                        queue[i][lane] -= go;
                        cleared[i][lane] += go;
                    }
                }
                if (minute % 5 == 4) {
                    for (int lane = 0; lane < 2; lane++) {
                        Direction direction = lane == 0 ? Direction.EXPORT : Direction.IMPORT;
                        if (harvest != null && lane == 0 && g.mayExport("fruit")) {
                            long fruit = fruitCleared[i];
                            fruitCleared[i] = 0;
                            cleared[i][lane] -= fruit;
                            if (fruit > 0) {
                                batch.add(new GateReport.VehiclesCleared("w-" + (++id), g.id(), direction, (int) fruit, at,
                                        "fruit", false));
                            }
                            if (cleared[i][lane] > 0) {
                                batch.add(new GateReport.VehiclesCleared("w-" + (++id), g.id(), direction,
                                        (int) cleared[i][lane], at, "other", false));
                            }
                            cleared[i][lane] = 0;
                        } else if (cleared[i][lane] > 0) {
                            batch.add(new GateReport.VehiclesCleared("w-" + (++id), g.id(), direction,
                                    (int) cleared[i][lane], at));
                            cleared[i][lane] = 0;
                        }
                    }
                }
                // A queue report each quarter-hour; one in twenty never arrives.
                if (minute % 15 == 14 && random.nextInt(20) != 0) {
                    batch.add(new GateReport.QueueObserved("w-" + (++id), g.id(), (int) (queue[i][0] + queue[i][1]),
                            Math.min(1.0, (queue[i][0] + queue[i][1]) / g.yardCapacity()), at));
                }
            }
            if (minute % 60 == 59 && !batch.isEmpty()) {
                out.accept(new RecordGateEvents(List.copyOf(batch)));
                batch.clear();
            }
        }
    }
}
