package borderwatch.sim;

import borderwatch.gate.GateReport;
import borderwatch.gate.RecordGateEvents;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds simulated gate reports through the same command path as real gate systems, once per
 * second of real time, covering every simulated minute that has passed.
 */
public final class SimulatorVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorVerticle.class);
    private static final int CHUNK = 5_000;

    private final Simulator simulator;
    private final CommandGateway commands;
    private final Clock clock;
    private Instant simulatedUpTo;
    private boolean busy;
    private long timer;

    public SimulatorVerticle(Simulator simulator, CommandGateway commands, Clock clock, Instant from) {
        this.simulator = simulator;
        this.commands = commands;
        this.clock = clock;
        this.simulatedUpTo = from;
    }

    @Override
    public Future<?> start() {
        timer = vertx.setPeriodic(1_000, id -> tick());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    private void tick() {
        if (busy) {
            return; // the previous minutes are still being stored; they will be caught up next tick
        }
        Instant now = clock.instant();
        List<GateReport> events = simulator.minutes(simulatedUpTo, now);
        Instant upTo = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), 60) * 60);
        if (!upTo.isAfter(simulatedUpTo)) {
            return;
        }
        busy = true;
        send(events, 0)
                .onSuccess(v -> simulatedUpTo = upTo)
                .onFailure(e -> LOG.warn("simulated reports were not stored: {}", e.toString()))
                .onComplete(r -> busy = false);
    }

    private Future<Void> send(List<GateReport> events, int from) {
        if (from >= events.size()) {
            return Future.succeededFuture();
        }
        List<GateReport> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
        return Future.fromCompletionStage(commands.send(new RecordGateEvents(chunk)), vertx.getOrCreateContext())
                     .compose(r -> send(events, from + CHUNK));
    }
}
