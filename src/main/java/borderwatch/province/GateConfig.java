package borderwatch.province;

import java.time.ZoneId;
import java.util.List;

/**
 * One border gate as configured for a province. {@code exportShare} is the gate's share of the
 * province's road exports when it is known (fruit exports go through only some gates); without it
 * exports are shared by clearance capacity. {@code exportPerHour} is the part of the clearance
 * capacity that serves exports, the lane that backs up first in a harvest peak.
 */
public record GateConfig(String id, String nameVi, String nameEn, GateKind kind, ZoneId zone,
                         int clearancePerHour, int yardCapacity, LevelPolicy levels, Double exportShare,
                         int exportPerHour, List<String> exportGoods) {

    /** Share of the clearance capacity that serves exports when the file does not say. */
    public static final double DEFAULT_EXPORT_LANE = 0.35;

    public GateConfig {
        if (exportPerHour <= 0 || exportPerHour >= clearancePerHour) {
            throw new IllegalArgumentException(id + ": exportPerHour must be above 0 and below clearancePerHour");
        }
        if (exportShare != null && !(exportShare > 0 && exportShare <= 1)) {
            throw new IllegalArgumentException(id + ": exportShare must be above 0 and at most 1");
        }
        exportGoods = exportGoods == null ? List.of() : List.copyOf(exportGoods);
    }

    public GateConfig(String id, String nameVi, String nameEn, GateKind kind, ZoneId zone, int clearancePerHour,
                      int yardCapacity, LevelPolicy levels, Double exportShare, int exportPerHour) {
        this(id, nameVi, nameEn, kind, zone, clearancePerHour, yardCapacity, levels, exportShare, exportPerHour, List.of());
    }

    public GateConfig(String id, String nameVi, String nameEn, GateKind kind, ZoneId zone, int clearancePerHour,
                      int yardCapacity, LevelPolicy levels) {
        this(id, nameVi, nameEn, kind, zone, clearancePerHour, yardCapacity, levels, null,
                defaultExportLane(clearancePerHour));
    }

    public GateConfig(String id, String nameVi, String nameEn, GateKind kind, ZoneId zone, int clearancePerHour,
                      int yardCapacity) {
        this(id, nameVi, nameEn, kind, zone, clearancePerHour, yardCapacity, LevelPolicy.NONE);
    }

    public static int defaultExportLane(int clearancePerHour) {
        return (int) Math.max(1, Math.min(clearancePerHour - 1, Math.round(clearancePerHour * DEFAULT_EXPORT_LANE)));
    }

    /** Whether the gate may export goods of {@code group}; unclassified goods ({@code null}) always may. */
    public boolean mayExport(String group) {
        return group == null || exportGoods.isEmpty() || exportGoods.contains(group);
    }

    /** Vehicles an hour the import lane clears: what the export lane leaves. */
    public int importPerHour() {
        return clearancePerHour - exportPerHour;
    }
}
