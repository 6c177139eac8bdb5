package borderwatch.drill;

import borderwatch.congestion.Congestion;
import borderwatch.congestion.QueueModel;
import borderwatch.engine.Node;
import borderwatch.engine.Nodes;
import borderwatch.gate.ActivateResponsePlan;
import borderwatch.gate.GateReport.QueueObserved;
import borderwatch.gate.GateReport.TurnoverRecorded;
import borderwatch.gate.GateReport.VehiclesCleared;
import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.Province;
import borderwatch.province.ResponsePlanEffects;
import borderwatch.readmodel.ReadModel;
import borderwatch.traffic.TrafficProfile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One sandbox stream of a drill: its own store file and the same core as live (Gate aggregates
 * deciding levels, the same read-model folds), fed by the queue model. The model's fractional
 * clearances are reported as whole vehicles as they accumulate.
 */
final class DrillLane implements AutoCloseable {

    private static final long PROJECTION_TIMEOUT_MS = 30_000;

    private final String name;
    private final Node core;
    private final Province gates;
    private final QueueModel model;
    private final DrillOutcome outcome;
    private final Map<String, double[]> clearedSoFar = new HashMap<>();
    private final Map<String, long[]> reportedSoFar = new HashMap<>();

    private final Map<String, String> divertTo = new java.util.concurrent.ConcurrentHashMap<>();

    DrillLane(String name, Path dir, Nodes nodes, Province gates, ReadModel.Shape shape, Instant start) {
        this.name = name;
        this.gates = gates;
        this.core = nodes.open(dir, gates, shape);
        this.model = new QueueModel(gates.all());
        this.outcome = new DrillOutcome(gates, start);
        core.onChange(outcome::apply);
        for (GateConfig g : gates.all()) {
            clearedSoFar.put(g.id(), new double[2]);
            reportedSoFar.put(g.id(), new long[2]);
        }
    }

    Node core() {
        return core;
    }

    /** Sends {@code gate}'s diverted exports to {@code to} in this lane, whatever the gates file says. */
    void divert(String gate, String to) {
        divertTo.put(gate, to);
    }

    DrillOutcome outcome() {
        return outcome;
    }

    /** Plays one step of the queue model into the sandbox stream and waits until it is projected. */
    void advance(int step, Instant from, ScenarioTraffic traffic) throws InterruptedException {
        List<QueueModel.GateStep> steps = model.step(from, DrillParameters.STEP, traffic, traffic, plansInEffect());
        List<GateReport> events = new ArrayList<>();
        for (QueueModel.GateStep s : steps) {
            String id = name + "-" + step + "-" + s.gate();
            report(s.gate(), Direction.EXPORT, s.exportCleared(), id, s.at(), events);
            report(s.gate(), Direction.IMPORT, s.importCleared(), id, s.at(), events);
            double occupancy = Math.round(s.yardOccupancy() * 1000) / 1000.0;
            events.add(new QueueObserved(id + "-q", s.gate(), (int) Math.round(s.waiting()), occupancy, s.at()));
        }
        core.commands().sendAndWait(new RecordGateEvents(events));
        awaitProjected();
    }

    private void report(String gate, Direction d, double cleared, String id, Instant at, List<GateReport> out) {
        double[] sum = clearedSoFar.get(gate);
        long[] reported = reportedSoFar.get(gate);
        int i = d.ordinal();
        sum[i] += cleared;
        int vehicles = (int) (Math.floor(sum[i] + 1e-9) - reported[i]);
        if (vehicles > 0) {
            reported[i] += vehicles;
            char k = d == Direction.EXPORT ? 'e' : 'i';
            out.add(new VehiclesCleared(id + "-" + k + "v", gate, d, vehicles, at));
            out.add(new TurnoverRecorded(id + "-" + k + "t", gate, d, vehicles * TrafficProfile.centsPerVehicle(d), at));
        }
    }

    private Map<String, ResponsePlanEffects> plansInEffect() {
        return core.live().query(m -> {
            Map<String, ResponsePlanEffects> out = new HashMap<>();
            for (GateConfig g : gates.all()) {
                Congestion.of(m).activeResponsePlan(g.id()).ifPresent(p -> {
                    ResponsePlanEffects configured = g.levels().config(p.level()).effects();
                    String to = divertTo.get(g.id());
                    out.put(g.id(), to == null ? configured : configured.divertingTo(to));
                });
            }
            return out;
        });
    }

    int level(String gate) {
        return core.live().query(m -> Congestion.of(m).level(gate));
    }

    boolean planInEffect(String gate) {
        return core.live().query(m -> Congestion.of(m).activeResponsePlan(gate).isPresent());
    }

    void activate(String gate, int level, String by, String reason, Instant at) throws InterruptedException {
        core.commands().sendAndWait(new ActivateResponsePlan(gate, level, by, reason, name + "-plan-" + at, at));
        awaitProjected();
    }

    private void awaitProjected() throws InterruptedException {
        if (!core.awaitProjected(core.storage().headPosition(), PROJECTION_TIMEOUT_MS)) {
            throw new IllegalStateException("the " + name + " sandbox did not project its events in time");
        }
    }

    @Override
    public void close() {
        core.close();
    }
}
