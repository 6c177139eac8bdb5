package borderwatch.gate;

import borderwatch.congestion.LevelPolicy;
import java.time.ZoneId;

/** One border gate as configured for a province. */
public record GateConfig(String id, String nameVi, String nameEn, GateKind kind, ZoneId zone,
                         int clearancePerHour, int yardCapacity, LevelPolicy levels) {

    public GateConfig(String id, String nameVi, String nameEn, GateKind kind, ZoneId zone, int clearancePerHour,
                      int yardCapacity) {
        this(id, nameVi, nameEn, kind, zone, clearancePerHour, yardCapacity, LevelPolicy.NONE);
    }
}
