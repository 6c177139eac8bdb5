package borderwatch.sim;

import borderwatch.province.Direction;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Congestion made to happen in the demo, for showing the console and training staff: a surge of
 * export trucks or a closure at a gate for some hours, which the live simulator then plays out. Only
 * the simulator reads it; the board shows each one as simulated. At most one per gate; a new one
 * replaces the old.
 */
public final class DemoScenarios {

    public static final String SURGE = "surge";
    public static final String CLOSURE = "closure";

    /** {@code percent}: how many more export trucks arrive during a surge (100 = twice as many); 0 for a closure. */
    public record Scenario(String gate, String kind, int percent, Instant from, Instant until) {
    }

    private final Map<String, Scenario> byGate = new ConcurrentHashMap<>();
    private final List<Consumer<List<Scenario>>> listeners = new CopyOnWriteArrayList<>();

    public void start(Scenario scenario) {
        byGate.put(scenario.gate(), scenario);
        changed(scenario.from());
    }

    /** Ends the gate's scenario; false when it had none. */
    public boolean end(String gate, Instant now) {
        boolean ended = byGate.remove(gate) != null;
        if (ended) {
            changed(now);
        }
        return ended;
    }

    /** Those in force at {@code now}, by gate. */
    public List<Scenario> active(Instant now) {
        return byGate.values().stream().filter(s -> !now.isBefore(s.from()) && now.isBefore(s.until()))
                .sorted(Comparator.comparing(Scenario::gate)).toList();
    }

    /** Told the scenarios in force whenever one starts or is ended. */
    public void onChange(Consumer<List<Scenario>> listener) {
        listeners.add(listener);
    }

    double arrivalFactor(String gate, Direction direction, Instant at) {
        Scenario s = inForce(gate, at);
        return s != null && s.kind().equals(SURGE) && direction == Direction.EXPORT ? 1 + s.percent() / 100.0 : 1;
    }

    double capacityFactor(String gate, Instant at) {
        Scenario s = inForce(gate, at);
        return s != null && s.kind().equals(CLOSURE) ? 0 : 1;
    }

    private Scenario inForce(String gate, Instant at) {
        Scenario s = byGate.get(gate);
        return s != null && !at.isBefore(s.from()) && at.isBefore(s.until()) ? s : null;
    }

    private void changed(Instant now) {
        List<Scenario> inForce = active(now);
        listeners.forEach(l -> l.accept(inForce));
    }
}
