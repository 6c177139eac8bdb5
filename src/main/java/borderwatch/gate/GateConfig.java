package borderwatch.gate;

import java.time.ZoneId;

/** One border gate as configured for a province. */
public record GateConfig(String id, String nameVi, String nameEn, GateKind kind, ZoneId zone,
                         int clearancePerHour, int yardCapacity) {
}
