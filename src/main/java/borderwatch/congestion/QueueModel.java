package borderwatch.congestion;

import borderwatch.province.Direction;
import borderwatch.province.GateConfig;
import borderwatch.province.ResponsePlanEffects;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fluid queue per gate and lane. In each step trucks arrive at the scenario's rate, the export
 * and import lanes clear up to their capacity, and what is not cleared waits for the next step.
 * A response plan in effect changes the step: held trucks do not set off, diverted exports join
 * another gate's queue, extra capacity clears more, an overflow yard holds more before the yard
 * counts as full. Deterministic, so a drill and its baseline differ only by the plans applied.
 */
public final class QueueModel {

    /** Trucks per hour setting off for a gate in a direction at an instant. */
    public interface Arrivals {
        double perHour(GateConfig gate, Direction direction, Instant at);
    }

    /** The share of normal clearance capacity a gate has at an instant: 0 closed, 1 normal. */
    public interface Capacity {
        double factor(GateConfig gate, Instant at);
    }

    /** What one gate did in one step; {@code at} is the end of the step. */
    public record GateStep(String gate, Instant at, double exportArrived, double importArrived,
                           double exportCleared, double importCleared, double waiting, double yardOccupancy) {
    }

    private final List<GateConfig> gates;
    private final Map<String, double[]> waiting = new LinkedHashMap<>();

    public QueueModel(List<GateConfig> gates) {
        this.gates = List.copyOf(gates);
        for (GateConfig g : gates) {
            waiting.put(g.id(), new double[2]);
        }
    }

    /** Starts a gate's lanes with trucks already waiting (a forecast from the live queue). */
    public void seed(String gate, double exportsWaiting, double importsWaiting) {
        double[] q = waiting.get(gate);
        q[0] = Math.max(0, exportsWaiting);
        q[1] = Math.max(0, importsWaiting);
    }

    public List<GateStep> step(Instant from, Duration length, Arrivals arrivals, Capacity capacity,
                               Map<String, ResponsePlanEffects> inEffect) {
        double hours = length.toMillis() / 3_600_000.0;
        Map<String, double[]> arriving = new LinkedHashMap<>();
        for (GateConfig g : gates) {
            double keep = 1 - effects(inEffect, g).holdInlandPercent() / 100.0;
            arriving.put(g.id(), new double[] {
                arrivals.perHour(g, Direction.EXPORT, from) * hours * keep,
                arrivals.perHour(g, Direction.IMPORT, from) * hours * keep});
        }
        for (GateConfig g : gates) {
            ResponsePlanEffects e = effects(inEffect, g);
            if (e.divertExportsTo() != null && arriving.containsKey(e.divertExportsTo())) {
                double moved = arriving.get(g.id())[0] * e.divertExportPercent() / 100.0;
                arriving.get(g.id())[0] -= moved;
                arriving.get(e.divertExportsTo())[0] += moved;
            }
        }
        Instant to = from.plus(length);
        List<GateStep> out = new ArrayList<>(gates.size());
        for (GateConfig g : gates) {
            ResponsePlanEffects e = effects(inEffect, g);
            double scale = hours * capacity.factor(g, from) * (1 + e.extraCapacityPercent() / 100.0);
            double[] q = waiting.get(g.id());
            double[] a = arriving.get(g.id());
            double exportCleared = Math.min(q[0] + a[0], g.exportPerHour() * scale);
            double importCleared = Math.min(q[1] + a[1], g.importPerHour() * scale);
            q[0] += a[0] - exportCleared;
            q[1] += a[1] - importCleared;
            double total = q[0] + q[1];
            out.add(new GateStep(g.id(), to, a[0], a[1], exportCleared, importCleared, total,
                    Math.min(1.0, total / (g.yardCapacity() + e.extraYard()))));
        }
        return out;
    }

    private static ResponsePlanEffects effects(Map<String, ResponsePlanEffects> inEffect, GateConfig g) {
        return inEffect.getOrDefault(g.id(), ResponsePlanEffects.NONE);
    }
}
