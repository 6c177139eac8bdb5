package borderwatch.drill;

import borderwatch.engine.Node;
import borderwatch.engine.Nodes;
import borderwatch.province.Province;
import borderwatch.readmodel.ReadModel;
import borderwatch.shared.SettableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running rehearsal. Two sandbox lanes play the same scenario step by step on the drill's clock:
 * the drill lane, which coordinators watch and where response plans are applied, and a baseline
 * lane where no plan is ever applied, so the result can say what the plans changed.
 */
public final class Drill {

    private static final Logger LOG = LoggerFactory.getLogger(Drill.class);
    private static final String AUTO_BY = "drill";

    public enum State { RUNNING, FINISHED, STOPPED, FAILED }

    private final String id;
    private final DrillParameters parameters;
    private final Instant startedAt;
    private final SettableClock clock;
    private final ScenarioTraffic traffic;
    private final Province gates;
    private final DrillLane drill;
    private final DrillLane baseline;
    private final ScheduledExecutorService runner;
    private volatile State state = State.RUNNING;
    private volatile int step;
    private volatile String failure;
    private boolean planApplied;

    Drill(String id, DrillParameters parameters, Nodes nodes, Province gates, ReadModel.Shape shape, Path dir,
          Instant startedAt) {
        this.id = id;
        this.parameters = parameters;
        this.gates = gates;
        this.startedAt = startedAt;
        this.clock = new SettableClock(parameters.start());
        this.traffic = new ScenarioTraffic(gates, parameters);
        this.drill = new DrillLane("drill", dir.resolve("drill"), nodes, gates, shape, parameters.start());
        if (parameters.plan() != null && parameters.plan().divertTo() != null) {
            drill.divert(parameters.plan().gate(), parameters.plan().divertTo());
        }
        DrillLane base;
        try {
            base = new DrillLane("baseline", dir.resolve("baseline"), nodes, gates, shape, parameters.start());
        } catch (RuntimeException e) {
            drill.close();
            throw e;
        }
        this.baseline = base;
        this.runner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drill-" + id);
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        runner.scheduleAtFixedRate(this::tick, 0, parameters.millisPerStep(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        if (state != State.RUNNING) {
            return;
        }
        try {
            if (step >= parameters.steps()) {
                end(State.FINISHED);
                return;
            }
            Instant from = parameters.start().plus(DrillParameters.STEP.multipliedBy(step));
            drill.advance(step, from, traffic);
            baseline.advance(step, from, traffic);
            applyPlanAtLevel(from.plus(DrillParameters.STEP));
            clock.set(from.plus(DrillParameters.STEP));
            step++;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("drill {} failed at step {}", id, step, e);
            failure = e.getMessage();
            end(State.FAILED);
        }
    }

    private void applyPlanAtLevel(Instant at) throws InterruptedException {
        DrillParameters.AutoPlan plan = parameters.plan();
        // Applied once: a coordinator who stands the plan down in the sandbox is not overruled.
        if (plan != null && !planApplied && drill.level(plan.gate()) >= plan.level() && !drill.planInEffect(plan.gate())) {
            planApplied = true;
            drill.activate(plan.gate(), plan.level(), AUTO_BY,
                    "applied by the drill when level " + plan.level() + " was reached", at);
        }
    }

    /** Ends the drill where it is; the result covers the simulated time played so far. */
    public void stop() {
        try {
            runner.execute(() -> {
                if (state == State.RUNNING) {
                    end(State.STOPPED);
                }
            });
        } catch (RejectedExecutionException e) {
            // Already ended: the runner has shut down.
        }
    }

    private void end(State how) {
        state = how;
        runner.shutdown();
        drill.close();
        baseline.close();
        LOG.info("drill {} {} after {} of {} steps", id, how.name().toLowerCase(), step, parameters.steps());
    }

    /** Stops the drill now and waits for it, when the service shuts down. */
    void shutdown() throws InterruptedException {
        stop();
        runner.awaitTermination(30, TimeUnit.SECONDS);
    }

    public String id() {
        return id;
    }

    public State state() {
        return state;
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    public DrillParameters parameters() {
        return parameters;
    }

    /** The core of the lane coordinators watch and act on; its events never leave the sandbox file. */
    public Node sandbox() {
        return drill.core();
    }

    public Clock clock() {
        return clock;
    }

    public Province gates() {
        return gates;
    }

    /** The drill as JSON-ready data: parameters, progress and the result so far, drill against baseline. */
    public Map<String, Object> describe() {
        Instant now = clock.instant();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("scenario", parameters.scenario().id());
        out.put("state", state.name().toLowerCase());
        out.put("startedAt", startedAt);
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("gates", parameters.gates());
        given.put("exportSurgePercent", parameters.exportSurgePercent());
        given.put("importSurgePercent", parameters.importSurgePercent());
        given.put("capacityPercent", parameters.capacityPercent());
        given.put("hours", parameters.closedHours());
        given.put("days", parameters.days());
        given.put("secondsPerDay", parameters.secondsPerDay());
        out.put("parameters", given);
        out.put("plan", parameters.plan());
        Map<String, Object> simulated = new LinkedHashMap<>();
        simulated.put("from", parameters.start());
        simulated.put("to", parameters.end());
        simulated.put("now", now);
        out.put("simulated", simulated);
        out.put("progress", Math.round(1000.0 * step / parameters.steps()) / 1000.0);
        if (failure != null) {
            out.put("failure", failure);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("drill", drill.outcome().result(now));
        result.put("baseline", baseline.outcome().result(now));
        out.put("result", result);
        return out;
    }
}
