package borderwatch.tradeplan;

import java.time.Instant;
import java.util.Map;

/** The plan in force for a year and how often it was revised. */
public record PlanFigures(int year, long exportUsdCents, long importUsdCents, long totalUsdCents,
                          long localExportUsdCents, Map<String, Long> goodsExportUsdCents,
                          String reason, int revisions, Instant updatedAt) {

    public static PlanFigures fold(PlanFigures current, PlanEvent e) {
        int revisions = current == null ? 0 : current.revisions + 1;
        return new PlanFigures(e.year(), e.exportUsdCents(), e.importUsdCents(), e.totalUsdCents(),
                e.localExportUsdCents(), e.goodsExportUsdCents(), e.reason(),
                revisions, e.at());
    }
}
