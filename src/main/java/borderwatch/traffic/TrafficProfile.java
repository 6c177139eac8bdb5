package borderwatch.traffic;

import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.GateKind;
import java.util.List;

/**
 * Calibration of simulated traffic to Lạng Sơn's reported figures (H1 2025): road gates clear about
 * 1.650 vehicles a day, exports 450–500 (mostly fruit), imports 1.100–1.150. Daily volumes are shared
 * among road gates by clearance capacity, and a province whose road gates clear less than Lạng Sơn's
 * (175 trucks an hour) gets volumes scaled down by the same ratio, so another province's gates file
 * gets plausible traffic too: Lai Châu's three gates (17 an hour) about 155 trucks a day, not 1.600.
 * Turnover per vehicle is chosen so a year lands near the province's reported annual turnover
 * (exports ≈ 2.550 million USD, imports ≈ 2.200 million USD).
 */
public final class TrafficProfile {

    static final double ROAD_EXPORTS_PER_DAY = 475;
    static final double ROAD_IMPORTS_PER_DAY = 1_125;
    static final double RAIL_EXPORTS_PER_DAY = 30;
    static final double RAIL_IMPORTS_PER_DAY = 55;
    /** Mean USD per cleared vehicle, in cents. */
    static final long EXPORT_CENTS_PER_VEHICLE = 14_500_00;
    static final long IMPORT_CENTS_PER_VEHICLE = 5_300_00;

    /** Share of a day's vehicles arriving in each local hour; the gates are busiest mid-morning and afternoon. */
    static final double[] HOURLY = normalise(new double[] {
        0.4, 0.3, 0.2, 0.2, 0.3, 0.6, 1.5, 3.5, 6.0, 7.5, 8.0, 7.5,
        5.5, 6.0, 7.5, 8.0, 7.5, 6.5, 5.0, 4.0, 3.0, 2.2, 1.5, 0.8 });

    /** What Lạng Sơn's road gates clear in an hour, which the volumes above belong to. */
    static final double CALIBRATED_ROAD_CAPACITY = 175;

    private final double roadCapacity;
    private final double scale;
    private final double unsharedCapacity;
    private final double sharedExports;

    public TrafficProfile(List<GateConfig> gates) {
        List<GateConfig> road = gates.stream().filter(g -> g.kind() == GateKind.ROAD).toList();
        this.roadCapacity = road.stream().mapToDouble(GateConfig::clearancePerHour).sum();
        this.scale = Math.min(1.0, roadCapacity / CALIBRATED_ROAD_CAPACITY);
        this.sharedExports = road.stream().filter(g -> g.exportShare() != null).mapToDouble(GateConfig::exportShare).sum();
        this.unsharedCapacity = road.stream().filter(g -> g.exportShare() == null)
                                    .mapToDouble(GateConfig::clearancePerHour).sum();
    }

    /** This province's road volumes against Lạng Sơn's: 1 there, about 0,1 for Lai Châu. */
    public double scale() {
        return scale;
    }

    /** Expected vehicles a day at this gate in this direction, before any surge. */
    public double dailyVehicles(GateConfig gate, Direction direction) {
        if (gate.kind() == GateKind.RAIL) {
            return direction == Direction.EXPORT ? RAIL_EXPORTS_PER_DAY : RAIL_IMPORTS_PER_DAY;
        }
        if (direction == Direction.IMPORT) {
            return gate.clearancePerHour() / roadCapacity * ROAD_IMPORTS_PER_DAY * scale;
        }
        // Province with a configured share take it; the rest of the exports go by clearance capacity.
        double share = gate.exportShare() != null ? gate.exportShare()
                : (1 - sharedExports) * gate.clearancePerHour() / unsharedCapacity;
        return share * ROAD_EXPORTS_PER_DAY * scale;
    }

    /** Share of a day's vehicles arriving in this local hour (0–23). */
    public static double hourShare(int hour) {
        return HOURLY[hour];
    }

    public static long centsPerVehicle(Direction direction) {
        return direction == Direction.EXPORT ? EXPORT_CENTS_PER_VEHICLE : IMPORT_CENTS_PER_VEHICLE;
    }

    private static double[] normalise(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] out = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            out[i] = weights[i] / sum;
        }
        return out;
    }
}
