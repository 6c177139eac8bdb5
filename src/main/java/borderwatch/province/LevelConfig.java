package borderwatch.province;

import java.util.List;

/**
 * One congestion level of a gate. It is reached when waiting vehicles or yard occupancy reach the
 * raise thresholds, and left only once both are below the lower clear thresholds, so a queue that
 * hovers around a threshold does not make the level flap. A threshold left out never triggers.
 */
public record LevelConfig(int level, String id, String nameVi, String nameEn, Integer raiseAtWaiting,
                          Integer clearBelowWaiting, Double raiseAtOccupancy, Double clearBelowOccupancy,
                          List<String> actionsVi, List<String> actionsEn, ResponsePlanEffects effects) {

    public LevelConfig {
        actionsVi = List.copyOf(actionsVi);
        actionsEn = List.copyOf(actionsEn);
    }

    /** A level whose plan has no modelled effect in drills. */
    public LevelConfig(int level, String id, String nameVi, String nameEn, Integer raiseAtWaiting,
                       Integer clearBelowWaiting, Double raiseAtOccupancy, Double clearBelowOccupancy,
                       List<String> actionsVi, List<String> actionsEn) {
        this(level, id, nameVi, nameEn, raiseAtWaiting, clearBelowWaiting, raiseAtOccupancy, clearBelowOccupancy,
                actionsVi, actionsEn, ResponsePlanEffects.NONE);
    }

    /** A level without a response plan. */
    public LevelConfig(int level, String id, String nameVi, String nameEn, Integer raiseAtWaiting,
                       Integer clearBelowWaiting, Double raiseAtOccupancy, Double clearBelowOccupancy) {
        this(level, id, nameVi, nameEn, raiseAtWaiting, clearBelowWaiting, raiseAtOccupancy, clearBelowOccupancy,
                List.of(), List.of());
    }

    /** Whether a response plan (a list of actions) is configured for this level. */
    public boolean hasPlan() {
        return !actionsVi.isEmpty();
    }

    boolean reachedBy(int waiting, Double occupancy) {
        return (raiseAtWaiting != null && waiting >= raiseAtWaiting)
                || (raiseAtOccupancy != null && occupancy != null && occupancy >= raiseAtOccupancy);
    }

    boolean clearedBy(int waiting, Double occupancy) {
        boolean waitingClear = clearBelowWaiting == null || waiting < clearBelowWaiting;
        boolean occupancyClear = clearBelowOccupancy == null || occupancy == null || occupancy < clearBelowOccupancy;
        return waitingClear && occupancyClear;
    }

    /** What made the level rise: {@code waiting} or {@code yardOccupancy}. */
    String causeOf(int waiting, Double occupancy) {
        return raiseAtWaiting != null && waiting >= raiseAtWaiting ? "waiting" : "yardOccupancy";
    }
}
