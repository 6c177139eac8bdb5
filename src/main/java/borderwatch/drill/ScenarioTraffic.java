package borderwatch.drill;

import borderwatch.congestion.QueueModel;
import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.Province;
import borderwatch.sim.GoodsMix;
import borderwatch.traffic.TrafficProfile;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A scenario's traffic: the province's usual arrivals by gate, direction and hour of day (the
 * simulator's calibration), with the surge, closure and capacity of the scenario at its gates.
 */
final class ScenarioTraffic implements QueueModel.Arrivals, QueueModel.Capacity {

    private final TrafficProfile profile;
    private final DrillParameters parameters;
    private final Set<String> affected;
    private final Province province;

    ScenarioTraffic(Province province, DrillParameters parameters) {
        this.profile = new TrafficProfile(province.all());
        this.province = province;
        this.parameters = parameters;
        this.affected = Set.copyOf(parameters.gates());
    }

    @Override
    public double perHour(GateConfig gate, Direction direction, Instant at) {
        double usual = profile.dailyVehicles(gate, direction) * TrafficProfile.hourShare(at.atZone(gate.zone()).getHour());
        if (!affected.contains(gate.id())) {
            return usual;
        }
        int surge = direction == Direction.EXPORT ? parameters.exportSurgePercent() : parameters.importSurgePercent();
        // A harvest peak surges the fruit among a gate's exports, not the rest of what it exports.
        double surging = direction == Direction.EXPORT && parameters.scenario() == Scenario.HARVEST_PEAK
                ? GoodsMix.usualExportShare(province, gate, province.watchedGoods()) : 1.0;
        return usual * (1 + surge / 100.0 * surging);
    }

    @Override
    public double factor(GateConfig gate, Instant at) {
        if (!affected.contains(gate.id())) {
            return 1;
        }
        if (at.isBefore(parameters.start().plusSeconds(3600L * parameters.closedHours()))) {
            return 0;
        }
        return parameters.capacityPercent() / 100.0;
    }
}
