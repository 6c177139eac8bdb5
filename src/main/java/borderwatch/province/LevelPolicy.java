package borderwatch.province;

import java.util.Comparator;
import java.util.List;

/** A gate's congestion levels, lowest first; level 0 is normal. */
public record LevelPolicy(List<LevelConfig> levels) {

    public static final LevelPolicy NONE = new LevelPolicy(List.of());

    public LevelPolicy {
        levels = levels.stream().sorted(Comparator.comparingInt(LevelConfig::level)).toList();
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).level() != i + 1) {
                throw new IllegalArgumentException("levels must be numbered 1, 2, 3… without gaps");
            }
        }
    }

    /** The level after a queue observation, given the current one; hysteresis on the way down. */
    public int next(int current, int waiting, Double occupancy) {
        int reached = 0;
        for (LevelConfig l : levels) {
            if (l.reachedBy(waiting, occupancy)) {
                reached = l.level();
            }
        }
        if (reached >= current) {
            return reached;
        }
        int level = Math.min(current, levels.size());
        while (level > reached && levels.get(level - 1).clearedBy(waiting, occupancy)) {
            level--;
        }
        return level;
    }

    /** Whether a gate at {@code level} would stay there with this queue: it has not fallen below the level's clear thresholds. */
    public boolean holds(int level, int waiting, Double occupancy) {
        return level > 0 && !levels.get(level - 1).clearedBy(waiting, occupancy);
    }

    public String causeOf(int level, int waiting, Double occupancy) {
        return levels.get(level - 1).causeOf(waiting, occupancy);
    }

    public String idOf(int level) {
        return level == 0 ? "normal" : levels.get(level - 1).id();
    }

    public LevelConfig config(int level) {
        return levels.get(level - 1);
    }
}
