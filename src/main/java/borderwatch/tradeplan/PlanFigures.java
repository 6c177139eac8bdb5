package borderwatch.tradeplan;

import java.time.Instant;

/** The plan in force for a year and how often it was revised. */
public record PlanFigures(int year, long exportUsdCents, long importUsdCents, long totalUsdCents,
                          String reason, int revisions, Instant updatedAt) {

    public static PlanFigures fold(PlanFigures current, PlanEvent e) {
        int revisions = current == null ? 0 : current.revisions + 1;
        return new PlanFigures(e.year(), e.exportUsdCents(), e.importUsdCents(), e.totalUsdCents(), e.reason(),
                revisions, e.at());
    }
}
