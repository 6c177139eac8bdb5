package borderwatch.drill;

import java.util.Arrays;
import java.util.Optional;

/**
 * The drill presets. Each only fills in defaults; any parameter given in the request overrides
 * them, and {@code custom} starts from a normal day.
 */
public enum Scenario {
    /** Fruit season: more fruit export trucks at the chosen gates (which must take fruit) for some days. */
    HARVEST_PEAK("harvest-peak", 45, 0, 3, 0, true),
    /** A gate closed for some hours, then the backlog clears. */
    GATE_CLOSURE("gate-closure", 0, 0, 0, 6, true),
    /** Before a holiday both directions rush, at every gate unless some are chosen. */
    HOLIDAY_SURGE("holiday-surge", 30, 30, 2, 0, false),
    CUSTOM("custom", 0, 0, 1, 0, true);

    private final String id;
    private final int exportSurgePercent;
    private final int importSurgePercent;
    /** 0 means: long enough to see the closure and the recovery. */
    private final int days;
    private final int closedHours;
    private final boolean needsGates;

    Scenario(String id, int exportSurgePercent, int importSurgePercent, int days, int closedHours, boolean needsGates) {
        this.id = id;
        this.exportSurgePercent = exportSurgePercent;
        this.importSurgePercent = importSurgePercent;
        this.days = days;
        this.closedHours = closedHours;
        this.needsGates = needsGates;
    }

    public String id() {
        return id;
    }

    public int exportSurgePercent() {
        return exportSurgePercent;
    }

    public int importSurgePercent() {
        return importSurgePercent;
    }

    public int closedHours() {
        return closedHours;
    }

    public boolean needsGates() {
        return needsGates;
    }

    public static Optional<Scenario> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /** Days to simulate when the request does not say: a closure gets half a day of recovery after it. */
    public int defaultDays(int closedHours) {
        return days > 0 ? days : Math.max(1, (int) Math.ceil((closedHours + 12) / 24.0));
    }
}
